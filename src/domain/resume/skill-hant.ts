/**
 * Traditional Chinese read as simplified for skill matching: a résumé from Hong Kong or Taiwan writes 數據分析,
 * 專案管理 or 護理, while the taxonomy and the rules spell 数据分析, 管理, 护理. Character by character (OpenCC's
 * table, hant-map.ts), so every offset stays and the evidence can be shown as the résumé wrote it.
 */
import { HANT_PAIRS } from './hant-map.ts';

const TO_SIMPLIFIED = new Map<string, string>();
for (const row of HANT_PAIRS) {
  for (let i = 0; i + 1 < row.length; i += 2) TO_SIMPLIFIED.set(row.charAt(i), row.charAt(i + 1));
}
// Only text holding a character of the table is rebuilt (most résumés hold none).
const ANY = new RegExp(`[${[...TO_SIMPLIFIED.keys()].join('')}]`, 'u');

/** `text` with its traditional characters in simplified form; the same length, offset for offset. */
export function toSimplified(text: string): string {
  if (!ANY.test(text)) return text;
  let out = '';
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
