/**
 * npm run bench:resume — field-level precision and recall of résumé extraction (src/domain/resume).
 *
 * Scored on the HELD-OUT set (bench/data/resume/held-out.json: 45 Chinese and 45 English résumés in ten
 * layouts), built by scripts/build-resume-heldout.ts and committed before any extraction rule was written;
 * its SHA-256 is checked below, so a changed file is refused rather than scored. The rules were tuned only
 * on the dev set (bench/data/resume/dev-set.ts), whose figures are printed apart and mean little. Every
 * held-out résumé is also rendered as a real PDF and DOCX (test/support/resume-files.ts) and read back
 * through the upload path's readers (unpdf, fflate), so the file formats are scored end to end.
 *
 * Limits: one author wrote the held-out set and the rules, so habits can be shared; the résumés are
 * synthetic (public school and major names, fictional people); real résumés will score lower.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extractResumeDraft, type ResumeDraftContent } from '../src/domain/resume/index.ts';
import { getTaxonomy } from '../src/domain/skills/index.ts';
import { DOCX, resumeText } from '../src/services/resume/file-text.ts';
import { writeDocx, writePdf } from '../test/support/resume-files.ts';
import { DEV_SET, type LabelledResume } from './data/resume/dev-set.ts';
import { add, FIELDS, precision, recall, scoreOne, zero, type Counts, type Field } from './resume/score.ts';

const HELD_OUT_SHA256 = '4bf855d71b69db74535121c45886dd3d60f04698aad735f44fb348d47917d8f5';
const TARGETED: readonly Field[] = ['schools', 'degrees', 'majors', 'dates', 'skills'];
const TARGET = { precision: 0.9, recall: 0.85 };

const raw = readFileSync(new URL('./data/resume/held-out.json', import.meta.url), 'utf8');
const sha = createHash('sha256').update(raw).digest('hex');
if (sha !== HELD_OUT_SHA256) {
  console.error(`held-out.json changed (sha256 ${sha}); it is frozen. Restore it from git.`);
  process.exit(1);
}
const heldOut = JSON.parse(raw) as LabelledResume[];
const taxonomy = getTaxonomy();
const count = (lang: string): number => heldOut.filter((r) => r.lang === lang).length;

type Reader = (r: LabelledResume) => Promise<string>;
const readers: Record<string, Reader> = {
  text: (r) => Promise.resolve(r.text),
  pdf: (r) => resumeText(writePdf(r.text), 'application/pdf'),
  docx: (r) => resumeText(writeDocx(r.text), DOCX),
};

async function score(set: readonly LabelledResume[], read: Reader) {
  const byLang = { zh: zero(), en: zero() };
  const misses: string[] = [];
  for (const r of set) {
    const draft: ResumeDraftContent = extractResumeDraft(await read(r), { taxonomy });
    const s = scoreOne(draft, r.labels);
    add(byLang[r.lang], s);
    const bad = TARGETED.filter((f) => s[f].fp + s[f].fn > 0);
    if (bad.length > 0) misses.push(`${r.id} (${r.layout}): ${bad.join(', ')}`);
  }
  return { byLang, misses };
}

const f3 = (x: number): string => x.toFixed(3);
const cell = (c: Counts): string =>
  `${f3(precision(c))} / ${f3(recall(c))}`.padEnd(16) + `(${c.tp}/${c.fp}/${c.fn})`.padEnd(14);

function table(title: string, byLang: Record<'zh' | 'en', Record<Field, Counts>>): boolean {
  console.log(
    `\n${title}\n${'field'.padEnd(13)}${'zh P / R'.padEnd(16)}${'tp/fp/fn'.padEnd(14)}${'en P / R'.padEnd(16)}tp/fp/fn`,
  );
  let ok = true;
  for (const f of FIELDS) {
    const mark = TARGETED.includes(f) ? '*' : ' ';
    console.log(`${(f + mark).padEnd(13)}${cell(byLang.zh[f])}${cell(byLang.en[f])}`);
    if (!TARGETED.includes(f)) continue;
    for (const lang of ['zh', 'en'] as const) {
      const c = byLang[lang][f];
      if (precision(c) < TARGET.precision || recall(c) < TARGET.recall) ok = false;
    }
  }
  return ok;
}

console.log('bench:resume: field-level precision / recall (P / R), counts tp/fp/fn; * = targeted field');
console.log(
  `held-out: ${count('zh')} zh + ${count('en')} en résumés, sha256 ${sha.slice(0, 16)}… ` +
    '(frozen before the rules existed)',
);
let allOk = true;
for (const [name, read] of Object.entries(readers)) {
  const { byLang, misses } = await score(heldOut, read);
  const ok = table(`HELD-OUT, read as ${name}`, byLang);
  allOk &&= ok;
  console.log(
    `targets (P >= ${TARGET.precision}, R >= ${TARGET.recall} on * fields, each language): ${ok ? 'met' : 'NOT met'}`,
  );
  if (name === 'text' && misses.length > 0)
    console.log(`résumés with a miss on a * field (${misses.length}):\n  ${misses.join('\n  ')}`);
}
const dev = await score(DEV_SET, readers.text as Reader);
table(`DEV (${DEV_SET.length} résumés the rules were tuned on; not a measure of quality)`, dev.byLang);
console.log(`\nheld-out targets ${allOk ? 'met' : 'NOT met'} on text, PDF and DOCX.`);
