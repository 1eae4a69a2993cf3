/**
 * Telephone numbers as résumés write them: a mainland mobile (138 1234 5678), a number with its country code
 * (+1 (415) 555-0132, +44 20 7946 0958, (+86) 139 1022 7384, 0044 20 7946 0958, +91-9010-557-318) or a national
 * one in groups (415.555.0132, (312) 555-0101, 07700 900462, 0412 555 123, 010-8264 9073). Dates, year ranges,
 * postcodes, scores and identity or student numbers are not numbers to call.
 */

// A run of digits with the marks numbers are written with: one space, dot or hyphen, an area code in brackets, a
// leading + or (+. No letters, slashes or commas, so "3.8/4.0", "LS6 1BL" and "12,000" end a run.
const RUN = /(?<![\w+./@-])(?:\(\+|\+)?[\d(](?:[\d().-]| (?=[\d(]))*\d(?![\w/@])/gu;
// Labels of numbers that are not telephones: 学号 20211234567, Student ID, 身份证, ISBN, a licence number.
const NOT_A_PHONE_LABEL = new RegExp(
  '(?:学号|工号|身份证|证件|准考证|编号|student\\s*(?:id|no\\.?|number)|\\bid\\b|isbn|licen[cs]e\\s*(?:no\\.?|number)|' +
    'reg(?:istration)?\\.?\\s*no\\.?|\\bpin)\\s*[:：#]?\\s*$',
  'iu',
);
const YEAR = /^(?:19|20)\d{2}$/u;

/** Whether a run of digits and marks is a telephone number, by its digits and groups. */
export function isPhone(run: string, before = ''): boolean {
  if (NOT_A_PHONE_LABEL.test(before)) return false;
  const digits = run.replace(/\D/gu, '');
  const international = /^(?:\+|\(\+|00[1-9])/u.test(run);
  const groups = run.split(/[\s().-]+/u).filter((g) => g !== '');
  // A date or a range of them: 2021.09-2025.06, 2019-2023, 09.2022, 2020 2021 2022.
  if (/(?:19|20)\d{2}[./-](?:0?[1-9]|1[0-2])(?!\d)|(?<!\d)(?:0?[1-9]|1[0-2])[./-](?:19|20)\d{2}(?!\d)/u.test(run)) {
    return false;
  }
  if (groups.filter((g) => YEAR.test(g)).length >= 2) return false;
  if (international) return digits.length >= 8 && digits.length <= 15;
  // A mainland mobile, written whole or in groups.
  if (/^1[3-9]\d{9}$/u.test(digits)) return true;
  // A national number is written in groups (an unbroken run of digits is an identity or student number), the
  // groups of a telephone: 3-3-4, 4-3-3, 5-6 (07700 900462), 2-4-4 …, nine to twelve digits in all.
  if (groups.length < 2 || digits.length < 9 || digits.length > 12) return false;
  return groups.every((g) => g.length >= 2 && g.length <= 6) || /^0\d{2,3}-\d{7,8}$/u.test(run);
}

/** The first telephone number a line writes, as written (spaces closed up to one), or undefined. */
export function phoneIn(line: string): string | undefined {
  for (const m of line.matchAll(RUN)) {
    // Two numbers side by side in columns ("TX 78245   (210) 555-0126") are read apart.
    for (const part of m[0].split(/\s{2,}/u)) {
      const run = part.trim().replace(/^\((?!\+|\d{1,5}\))/u, '');
      const at = line.indexOf(run, m.index);
      if (isPhone(run, line.slice(Math.max(0, at - 24), at))) return run.replace(/\s+/gu, ' ');
    }
  }
  return undefined;
}
