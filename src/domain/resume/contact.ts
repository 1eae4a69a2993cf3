import { phoneIn } from './phones.ts';
import type { Line } from './sections.ts';

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  evidence: { name?: string; email?: string; phone?: string };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

const NAME_LABEL = /^(?:姓\s*名|name)\s*[:：]\s*/iu;
const NOT_A_NAME =
  /简历|履历|个人|求职|应聘|电话|手机|邮箱|地址|resume|résumé|curriculum|vitae|\bcv\b|china|university|email|phone|mobile/iu;
const ZH_NAME = /^[\u4e00-\u9fff·]{2,5}$/u;
const EN_NAME = /^[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$/u;

const titleCase = (s: string): string =>
  s === s.toUpperCase()
    ? s.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase())
    : s;

/** Pieces of a header line: split on bars, tabs, bullets, commas and wide gaps. */
const pieces = (line: string): string[] =>
  line
    .split(/[|｜\t·•,，;；]|\s{2,}|\s[-–—]\s/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * Name, e-mail and phone. E-mail and phone come from anywhere (first found); the name only from the
 * lines before the first heading or a labelled "姓名：" line, as the first piece that looks like a name.
 */
export function extractContact(lines: readonly Line[]): Contact {
  const out: Contact = { name: null, email: null, phone: null, evidence: {} };
  for (const l of lines) {
    if (out.email === null) {
      const m = EMAIL.exec(l.text);
      if (m) {
        out.email = m[0];
        out.evidence.email = l.text.trim();
      }
    }
    if (out.phone === null) {
      out.phone = phoneIn(l.text.replace(EMAIL, ' ')) ?? null;
      if (out.phone !== null) out.evidence.phone = l.text.trim();
    }
  }
  const labelled = lines.find((l) => NAME_LABEL.test(l.text.trim()));
  // Else the first lines, and wherever the e-mail or phone stands (a name often shares their line).
  const withContact = lines.filter((l) => l.text.includes(out.email ?? '\u0000') || l.text === out.evidence.phone);
  const candidates = labelled
    ? [labelled]
    : [...lines.filter((l) => l.section === 'header' || l.section === 'contact').slice(0, 6), ...withContact];
  for (const l of candidates) {
    for (const raw of pieces(l.text.trim().replace(NAME_LABEL, ''))) {
      const p = raw.replace(/^(?:简历|个人简历)\s*[-–—:：]?\s*/u, '').trim();
      if (p === '' || NOT_A_NAME.test(p) || EMAIL.test(p) || /\d/.test(p)) continue;
      if (ZH_NAME.test(p) || EN_NAME.test(p)) {
        out.name = titleCase(p);
        out.evidence.name = l.text.trim();
        return out;
      }
    }
  }
  return out;
}
