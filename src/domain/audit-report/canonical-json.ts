/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code units at every level, no whitespace,
 * numbers and strings as JSON.stringify writes them, undefined members dropped (RFC 8785 in spirit;
 * our reports hold no numbers whose JCS form differs from JSON.stringify's). Non-finite numbers throw:
 * a report never contains NaN or ±∞ (undefined figures are null with a reason).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

/**
 * Whether `text`, which parses to `parsed`, is exactly canonicalJson(parsed). The quick path costs a
 * native JSON.stringify and a walk over the keys (a quarter of re-encoding a 220 KB report): when the text is
 * what JSON.stringify writes and every object's keys come in sorted order, canonicalJson writes the same
 * text. Otherwise (JavaScript lists integer-like keys first, so "10" before "9" fails the quick path) it
 * re-encodes.
 */
export function isCanonicalJsonText(text: string, parsed: unknown): boolean {
  if (JSON.stringify(parsed) === text && keysSorted(parsed)) return true;
  try {
    return canonicalJson(parsed) === text;
  } catch {
    return false;
  }
}

function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  let previous: string | undefined;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!keysSorted(member)) return false;
    previous = key;
  }
  return true;
}
