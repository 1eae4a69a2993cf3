/** Reads the suppressed-tags column (a jsonb array of skill ids / tag:<label>). */
export function suppressedTagsOf(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []);
}
