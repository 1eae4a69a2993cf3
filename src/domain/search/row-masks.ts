/*
 * Row masks (one byte a row, 0 or 1) combined a word at a time: a list intersects four or five masks of 100k rows,
 * and a 32-bit AND does four rows at once where a byte loop with a test per row does one.
 */

/** True when the mask's bytes can be read as 32-bit words (a fresh Uint8Array always can). */
const wordAligned = (mask: Uint8Array): boolean => mask.byteOffset % 4 === 0;

/** target[row] &= source[row] for every row of target; rows past the end of source are cleared. Masks hold 0 or 1. */
export function andInto(target: Uint8Array, source: Uint8Array): void {
  const n = Math.min(target.length, source.length);
  let row = 0;
  if (wordAligned(target) && wordAligned(source)) {
    const words = n >>> 2;
    const t = new Uint32Array(target.buffer, target.byteOffset, words);
    const s = new Uint32Array(source.buffer, source.byteOffset, words);
    for (let w = 0; w < words; w++) t[w] = (t[w] as number) & (s[w] as number);
    row = words << 2;
  }
  for (; row < n; row++) target[row] = (target[row] as number) & (source[row] as number);
  if (n < target.length) target.fill(0, n);
}

/** target[row] &= ~source[row]: clears the rows set in source (rows past its end are kept). Masks hold 0 or 1. */
export function clearRows(target: Uint8Array, source: Uint8Array): void {
  const n = Math.min(target.length, source.length);
  let row = 0;
  if (wordAligned(target) && wordAligned(source)) {
    const words = n >>> 2;
    const t = new Uint32Array(target.buffer, target.byteOffset, words);
    const s = new Uint32Array(source.buffer, source.byteOffset, words);
    for (let w = 0; w < words; w++) t[w] = (t[w] as number) & ~(s[w] as number);
    row = words << 2;
  }
  for (; row < n; row++) target[row] = (target[row] as number) & ~(source[row] as number);
}

/** The number of rows set in a mask of 0s and 1s. */
export function countRows(mask: Uint8Array): number {
  let count = 0;
  let row = 0;
  if (wordAligned(mask)) {
    const words = mask.length >>> 2;
    const m = new Uint32Array(mask.buffer, mask.byteOffset, words);
    // Four bytes of 0 or 1: multiplying by 0x01010101 sums them into the top byte.
    for (let w = 0; w < words; w++) count += Math.imul(m[w] as number, 0x01010101) >>> 24;
    row = words << 2;
  }
  for (; row < mask.length; row++) count += mask[row] as number;
  return count;
}

/**
 * Masks of single filters, kept for one version of the rows they were made from and dropped the moment it moves.
 * The least recently used go first once the masks held would pass `bytes` (16 MiB: 160 masks of 100k rows).
 */
export class MaskCache {
  readonly #budget: number;
  readonly #held = new Map<string, Uint8Array>();
  #bytes = 0;
  #version = -1;

  constructor(bytes = 16 * 2 ** 20) {
    this.#budget = bytes;
  }

  /** The mask under `key` for rows at `version`, made by `make` when not held. Callers must not change it. */
  get(version: number, key: string, make: () => Uint8Array): Uint8Array {
    if (version !== this.#version) {
      this.#held.clear();
      this.#bytes = 0;
      this.#version = version;
    }
    const held = this.#held.get(key);
    if (held !== undefined) {
      // Map order is insertion order: re-inserting marks it the most recently used.
      this.#held.delete(key);
      this.#held.set(key, held);
      return held;
    }
    const made = make();
    for (const [oldest, mask] of this.#held) {
      if (this.#bytes + made.length <= this.#budget) break;
      this.#held.delete(oldest);
      this.#bytes -= mask.length;
    }
    this.#held.set(key, made);
    this.#bytes += made.length;
    return made;
  }
}
