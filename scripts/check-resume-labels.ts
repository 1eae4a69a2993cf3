/**
 * `node scripts/check-resume-labels.ts bench/data/resume/held-out-3.json` — checks the shape of a labelled résumé
 * set before it is frozen: unique ids that name their language, every label field present, degree codes from
 * DEGREES, graduation as YYYY or YYYY-MM, every skill and certificate id in the taxonomy, and the contact details,
 * schools and majors written in the text (a label must be something a reader can find). Prints counts per
 * language, layout and field; exits 1 on the first list of problems. It reads labels only, never the extractor.
 */
import { readFileSync } from 'node:fs';
import { DEGREES } from '../src/domain/model/common.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';

interface Entry {
  id: string;
  lang: string;
  layout: string;
  text: string;
  labels: {
    name: string;
    email: string;
    phone: string;
    education: { school: string; degree: string; major: string; graduation: string }[];
    skills: string[];
    certificates: string[];
  };
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node scripts/check-resume-labels.ts <set.json>');
  process.exit(2);
}
const set = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
const taxonomy = getTaxonomy();
const problems: string[] = [];
const bad = (id: string, what: string): void => void problems.push(`${id}: ${what}`);
const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
const digits = (s: string): string => s.replace(/\D/g, '');
const GRADUATION = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

const seen = new Set<string>();
for (const r of set) {
  if (seen.has(r.id)) bad(r.id, 'duplicate id');
  seen.add(r.id);
  if (r.lang !== 'zh' && r.lang !== 'en') bad(r.id, `lang ${r.lang}`);
  if (!r.id.includes(`-${r.lang}-`)) bad(r.id, 'id does not name its language');
  if (!r.layout) bad(r.id, 'no layout');
  const text = squash(r.text);
  const l = r.labels;
  for (const k of ['name', 'email', 'phone'] as const) {
    if (typeof l[k] !== 'string' || l[k] === '') bad(r.id, `no ${k}`);
  }
  if (!text.includes(squash(l.name))) bad(r.id, `name ${l.name} not in text`);
  if (!r.text.toLowerCase().includes(l.email.toLowerCase())) bad(r.id, `email ${l.email} not in text`);
  if (!digits(r.text).includes(digits(l.phone))) bad(r.id, `phone ${l.phone} not in text`);
  if (l.education.length === 0) bad(r.id, 'no education');
  for (const e of l.education) {
    if (!(DEGREES as readonly string[]).includes(e.degree) || e.degree === 'none') bad(r.id, `degree ${e.degree}`);
    if (!GRADUATION.test(e.graduation)) bad(r.id, `graduation ${e.graduation}`);
    if (!text.includes(squash(e.school))) bad(r.id, `school ${e.school} not in text`);
    if (!text.includes(squash(e.major))) bad(r.id, `major ${e.major} not in text`);
  }
  for (const list of ['skills', 'certificates'] as const) {
    if (new Set(l[list]).size !== l[list].length) bad(r.id, `duplicate ${list}`);
    for (const id of l[list]) if (taxonomy.get(id) === undefined) bad(r.id, `${list}: unknown id ${id}`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const tally = (key: (r: Entry) => string): string => {
  const m = new Map<string, number>();
  for (const r of set) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ${n}`).join(', ');
};
const sum = (lang: string, f: (r: Entry) => number): number =>
  set.filter((r) => r.lang === lang).reduce((n, r) => n + f(r), 0);
console.log(
  `${file}: ${set.length} résumés (${tally((r) => r.lang)}), ${new Set(set.map((r) => r.layout)).size} layouts`,
);
for (const lang of ['zh', 'en']) {
  const edu = set.filter((r) => r.lang === lang).flatMap((r) => r.labels.education);
  const degrees = DEGREES.filter((d) => d !== 'none').map((d) => `${d} ${edu.filter((e) => e.degree === d).length}`);
  const yearOnly = edu.filter((e) => e.graduation.length === 4).length;
  const skills = sum(lang, (r) => r.labels.skills.length);
  const certificates = sum(lang, (r) => r.labels.certificates.length);
  console.log(
    `${lang}: education entries ${edu.length} (${degrees.join(', ')}), year-only dates ${yearOnly}, ` +
      `skills ${skills}, certificates ${certificates}`,
  );
}
