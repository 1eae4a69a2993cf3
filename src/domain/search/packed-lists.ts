/**
 * Many short lists of numbers as two typed arrays (every list's values end to end, and where each starts), so a
 * whole index's per-row lists cross a thread boundary as a few buffers moved, not 100,000 small arrays cloned.
 */
export interface PackedLists<T extends Int32Array | Float64Array> {
  /** offsets[i] to offsets[i + 1] in values is list i; an absent list (a hole) is an empty one. */
  readonly offsets: Int32Array;
  readonly values: T;
}

function pack<T extends Int32Array | Float64Array>(
  lists: ReadonlyArray<ArrayLike<number> | undefined>,
  make: (n: number) => T,
): PackedLists<T> {
  const offsets = new Int32Array(lists.length + 1);
  let n = 0;
  for (let i = 0; i < lists.length; i++) {
    n += lists[i]?.length ?? 0;
    offsets[i + 1] = n;
  }
  const values = make(n);
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    if (!list) continue;
    const at = offsets[i] as number;
    for (let j = 0; j < list.length; j++) values[at + j] = list[j] as number;
  }
  return { offsets, values };
}

export const packInt32 = (lists: ReadonlyArray<ArrayLike<number> | undefined>): PackedLists<Int32Array> =>
  pack(lists, (n) => new Int32Array(n));

export const packFloat64 = (lists: ReadonlyArray<ArrayLike<number> | undefined>): PackedLists<Float64Array> =>
  pack(lists, (n) => new Float64Array(n));

/** The lists again, each a view into the packed values (one buffer for all of them). */
export function unpackViews<T extends Int32Array | Float64Array>(packed: PackedLists<T>): T[] {
  const { offsets, values } = packed;
  const lists: T[] = new Array<T>(offsets.length - 1);
  for (let i = 0; i < lists.length; i++) lists[i] = values.subarray(offsets[i], offsets[i + 1]) as T;
  return lists;
}

/** The buffers of packed lists, for a postMessage transfer list. */
export const packedBuffers = (...packed: ReadonlyArray<PackedLists<Int32Array | Float64Array>>): ArrayBuffer[] =>
  packed.flatMap((p) => [p.offsets.buffer, p.values.buffer] as ArrayBuffer[]);
