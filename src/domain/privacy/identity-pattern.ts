const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Separators people put inside a phone number: spaces, dots, dashes, brackets. */
const PHONE_GAP = '[-. ()]*';

/**
 * A case-insensitive regular expression, valid in PostgreSQL and in JavaScript, that matches text naming
 * one person: their name, email, id or phone number written with or without separators (and without the
 * +86 country code). Names shorter than two characters and numbers shorter than seven digits are left out:
 * they would match too much unrelated text.
 */
export function identityPattern(who: { id: string; name: string; email: string | null; phone: string | null }): string {
  const parts = [escape(who.id)];
  const name = who.name.trim();
  if ([...name].length >= 2) parts.push(escape(name));
  const email = who.email?.trim();
  if (email) parts.push(escape(email));
  let digits = (who.phone ?? '').replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.length >= 7) parts.push([...digits].join(PHONE_GAP));
  return parts.map((p) => `(${p})`).join('|');
}
