import { labelledName, nameIn, nameOf } from './names.ts';
import { phoneIn } from './phones.ts';
import type { Line } from './sections.ts';

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  evidence: { name?: string; email?: string; phone?: string };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

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
  // A labelled name near the top ("姓名：…", "Applicant name: …"), else the first lines and wherever the e-mail or
  // phone stands (a name often shares their line).
  const top = lines.filter((l) => l.section === 'header' || l.section === 'contact' || l.index < 15);
  // The e-mail's or phone's line, and the line above it when that line is a name and nothing else.
  const withContact = lines.flatMap((l, i) => {
    if (!l.text.includes(out.email ?? '\u0000') && l.text.trim() !== out.evidence.phone) return [];
    const above = lines[i - 1];
    return above !== undefined && nameOf(above.text.trim()) !== undefined ? [l, above] : [l];
  });
  const first = lines.filter((l) => l.section === 'header' || l.section === 'contact').slice(0, 6);
  const found =
    top.map((l) => ({ l, name: labelledName(l.text) })).find((x) => x.name !== undefined) ??
    [...first, ...withContact].map((l) => ({ l, name: nameIn([l.text])?.name })).find((x) => x.name !== undefined);
  if (found?.name !== undefined) {
    out.name = found.name;
    out.evidence.name = found.l.text.trim();
  }
  return out;
}
