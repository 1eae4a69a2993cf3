/**
 * FNV-1a, 32-bit (Fowler–Noll–Vo; offset basis 2166136261, prime 16777619). Pure and fast, used for
 * fitted-model ids and for signed feature hashing. Not a cryptographic hash: an id collision only
 * matters between two fits someone deliberately keeps side by side, which a 32-bit space makes unlikely.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export interface Fnv1a {
  update(bytes: Uint8Array): Fnv1a;
  updateString(text: string): Fnv1a;
  /** The 32-bit digest as 8 lowercase hex digits. */
  hex(): string;
}

const encoder = new TextEncoder();

export function createFnv1a(): Fnv1a {
  let h = FNV_OFFSET;
  const self: Fnv1a = {
    update(bytes) {
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] ?? 0), FNV_PRIME);
      return self;
    },
    updateString(text) {
      // Length prefix so that ["ab","c"] and ["a","bc"] hash differently.
      self.update(encoder.encode(`${text.length}:`));
      return self.update(encoder.encode(text));
    },
    hex() {
      return (h >>> 0).toString(16).padStart(8, '0');
    },
  };
  return self;
}

/** FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer (for feature hashing). */
export function hashString32(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ (text.charCodeAt(i) & 0xff), FNV_PRIME);
    h = Math.imul(h ^ (text.charCodeAt(i) >>> 8), FNV_PRIME);
  }
  return h >>> 0;
}
