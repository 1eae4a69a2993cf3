/**
 * Light English stemming: the "S-stemmer" of Harman (1991), "How effective is suffixing?", JASIS 42(1).
 *   -ies → -y   (unless -eies / -aies)      companies → company
 *   -es  → -e   (unless -aes / -ees / -oes) databases → database
 *   -s   → ''   (unless -us / -ss / -is)    skills → skill
 * Only plurals are folded: heavier stemmers (Porter) conflate "engineering"/"engineer" and
 * "marketing"/"market", which are different jobs here. The character 3-grams added by the analyzer
 * soften the remaining inflection (develop / developer / development share most trigrams).
 * Words shorter than 4 letters are left alone (js, ios, gis, aws).
 */
export function stemEnglish(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) {
    return `${word.slice(0, -3)}y`;
  }
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) {
    return word.slice(0, -1);
  }
  if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}
