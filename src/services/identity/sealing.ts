/**
 * Secrets kept in the database (the private halves of the token signing keys) are sealed with AES-256-GCM
 * under a key-encryption key from the configuration (SECRETS_KEY), through WebCrypto, so Node and Workers
 * seal and open alike. A sealed value names the key it was sealed under by a short fingerprint, so during a
 * rotation SECRETS_KEY_PREVIOUS still opens what the old key sealed. A value stored before sealing existed
 * (a plain JWK) is read as it is.
 */
export interface Sealed {
  readonly sealed: 'A256GCM';
  readonly kek: string;
  readonly iv: string;
  readonly data: string;
}

export interface KeySealer {
  seal(value: object): Promise<Sealed>;
  open(stored: unknown): Promise<Record<string, unknown>>;
}

const utf8 = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

async function kek(secret: string): Promise<{ id: string; key: AesKey }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(secret)));
  const named = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(`bole-kek-id:${secret}`)));
  const id = [...named.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const key = await crypto.subtle.importKey('raw', digest, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { id, key };
}

export const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === 'A256GCM';

/** A sealer for the configured key (and the previous one, which only opens); secrets are any string ≥ 32. */
export function keySealer(current: string, previous?: string): KeySealer {
  const ready = (async () => {
    const now = await kek(current);
    const keys = new Map([[now.id, now.key]]);
    if (previous) {
      const old = await kek(previous);
      keys.set(old.id, old.key);
    }
    return { now, keys };
  })();
  return {
    async seal(value) {
      const { now } = await ready;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, now.key, utf8.encode(JSON.stringify(value))),
      );
      return { sealed: 'A256GCM', kek: now.id, iv: b64(iv), data: b64(data) };
    },
    async open(stored) {
      const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
      if (!isSealed(value)) return value as Record<string, unknown>;
      const key = (await ready).keys.get(value.kek);
      if (!key)
        throw new Error(
          `a signing key is sealed under key-encryption key ${value.kek}, which is neither SECRETS_KEY nor ` +
            'SECRETS_KEY_PREVIOUS',
        );
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(value.iv) }, key, unb64(value.data));
      return JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
    },
  };
}
