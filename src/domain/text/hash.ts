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

/**
 * FNV-1a of `h` continued over the UTF-8 encoding of `text`, as TextEncoder encodes it (a lone surrogate is
 * U+FFFD), without building the bytes: start-up hashes every row's inputs, and the copies were most of it.
 */
function fnvUtf8(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        h = Math.imul(h ^ (0xf0 | (c >> 18)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((c >> 12) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
        continue;
      }
      c = 0xfffd;
    }
    h = Math.imul(h ^ (0xe0 | (c >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
  }
  return h;
}

export function createFnv1a(): Fnv1a {
  let h = FNV_OFFSET;
  const self: Fnv1a = {
    update(bytes) {
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] ?? 0), FNV_PRIME);
      return self;
    },
    updateString(text) {
      // Length prefix so that ["ab","c"] and ["a","bc"] hash differently.
      h = fnvUtf8(h, `${text.length}:`);
      h = fnvUtf8(h, text);
      return self;
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
