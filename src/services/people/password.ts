/**
 * Password hashes with PBKDF2-HMAC-SHA-256 through Web Crypto, so Node and Workers verify the same hashes.
 * Cost: 100,000 iterations and a 16-byte random salt (about 60 ms a hash on this machine's core). 100,000 is the most
 * Cloudflare Workers' PBKDF2 accepts; OWASP's 2023 figure for PBKDF2-SHA-256 is 600,000, so the rate limits on
 * sign-in carry the rest. The iteration count is stored in each hash, so raising it later re-hashes on sign-in.
 */
export const PBKDF2_ITERATIONS = 100_000;
const SCHEME = 'pbkdf2-sha256';

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${SCHEME}$${iterations}$${b64(salt)}$${b64(await derive(password, salt, iterations))}`;
}

/** Whether the password matches; compares in constant time. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (scheme !== SCHEME || !salt || !hash || !Number.isInteger(iterations) || iterations < 1) return false;
  const expected = unb64(hash);
  const actual = await derive(password, unb64(salt), iterations);
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (actual[i] ?? 0);
  return diff === 0;
}

/** Whether a stored hash was made with less than today's cost (re-hash it at the next sign-in). */
export const needsRehash = (stored: string): boolean => Number(stored.split('$')[1]) < PBKDF2_ITERATIONS;
