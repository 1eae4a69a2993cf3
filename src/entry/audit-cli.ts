import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../domain/audit-report/canonical-json.ts';
import { parseCsv, validateRows } from '../domain/audit-report/external.ts';
import { renderReportHtml } from '../domain/audit-report/html.ts';
import { buildExternalReport } from '../services/audits/index.ts';
import { htmlToPdf } from '../services/audits/pdf.ts';
import { sha256Hex } from '../domain/sha256.ts';

const USAGE = `Usage: npm run audit -- --input FILE (.csv or .json) --out DIR [--k 10] [--min-group-size 10]
  [--label-column NAME] [--weight-column NAME] [--pos-label VALUE] [--reference-group NAME]
  [--score-threshold X] [--skew-epsilon E] [--pdf FILE.pdf]
CSV: header row with subjectId, listId, rank, score, selected, outcome, optional label and weight, and one column
per group attribute. JSON: an array of rows, or { "rows": [...] }, each { subjectId, groups: {...}, listId, rank,
score, selected, outcome, label?, weight? }.
  --label-column, --weight-column  read these CSV columns as the outcome label and the sample weight
  --pos-label        the label value counted as positive (default 1)
  --reference-group  the category the outcome metrics compare against
  --score-threshold  binary scores: scoring rate = share with score >= X instead of above the median
  --skew-epsilon     Skew@k smoothing epsilon for groups absent from the top k (default Laplace alpha = 1)
  --pdf              also print the report to PDF (A4) with headless Chromium where it is installed`;

/**
 * Writes `path` without following a link planted there: the data goes to a new file beside it (created
 * exclusively, so never through a link), which then replaces whatever `path` was, a symlink included.
 */
async function writeFresh(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${crypto.randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx', mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** `npm run audit`: audits a decision file offline and writes report.json and report.html to DIR. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      k: { type: 'string', default: '10' },
      'min-group-size': { type: 'string', default: '10' },
      'label-column': { type: 'string' },
      'weight-column': { type: 'string' },
      'pos-label': { type: 'string' },
      'reference-group': { type: 'string' },
      'score-threshold': { type: 'string' },
      'skew-epsilon': { type: 'string' },
      pdf: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.input || !values.out) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const k = Number(values.k);
  const minGroupSize = Number(values['min-group-size']);
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(minGroupSize) || minGroupSize < 1) {
    console.error('--k and --min-group-size must be positive integers.');
    return 2;
  }
  const scoreThreshold = values['score-threshold'] === undefined ? null : Number(values['score-threshold']);
  const skewEpsilon = values['skew-epsilon'] === undefined ? null : Number(values['skew-epsilon']);
  if (scoreThreshold !== null && !Number.isFinite(scoreThreshold)) {
    console.error('--score-threshold must be a number.');
    return 2;
  }
  if (skewEpsilon !== null && !(skewEpsilon > 0 && skewEpsilon <= 0.01)) {
    console.error('--skew-epsilon must be in (0, 0.01].');
    return 2;
  }
  // A link as the output folder would send the report wherever it points.
  if ((await lstat(values.out).catch(() => null))?.isSymbolicLink()) {
    console.error(`--out ${values.out} is a symbolic link; give the folder itself.`);
    return 2;
  }
  const text = await readFile(values.input, 'utf8');
  const isJson = /\.json$/i.test(values.input) || /^\s*[[{]/.test(text);
  let raw: unknown[];
  if (isJson) {
    const parsed: unknown = JSON.parse(text);
    raw = Array.isArray(parsed)
      ? parsed
      : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { rows?: unknown }).rows)
        ? (parsed as { rows: unknown[] }).rows
        : [];
  } else
    raw = parseCsv(text, {
      ...(values['label-column'] ? { label: values['label-column'] } : {}),
      ...(values['weight-column'] ? { weight: values['weight-column'] } : {}),
    });
  const { rows, errors } = validateRows(raw);
  if (errors.length > 0) {
    for (const e of errors.slice(0, 20))
      console.error(`${isJson ? `row ${e.index}` : `line ${e.index + 2}`}: ${e.field}: ${e.message}`);
    console.error(`${errors.length} problem(s); nothing written.`);
    return 1;
  }
  const report = buildExternalReport(rows, {
    runId: crypto.randomUUID(),
    tenantId: 'offline',
    now: new Date(),
    k,
    minGroupSize,
    description: `file ${basename(values.input)} (${rows.length} rows)`,
    posLabel: values['pos-label'] ?? null,
    referenceGroup: values['reference-group'] ?? null,
    scoreThreshold,
    skewEpsilon,
  });
  const body = canonicalJson(report);
  const sha256 = await sha256Hex(body);
  await mkdir(values.out, { recursive: true });
  await writeFresh(join(values.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const html = renderReportHtml(report);
  await writeFresh(join(values.out, 'report.html'), html);
  const flagged = report.flags.filter((f) => f.metric === 'selection');
  const adverse = report.flags.filter((f) => f.adverse).length;
  console.log(
    `${rows.length} rows, ${report.totals.graduates} people, ${report.groupings.length} ` +
      `groupings, ${flagged.length} selection flag(s) (IR < 0.8), ${adverse} adverse (Holm over ` +
      `${report.multipleComparisons.tests} tests); sha256 of canonical JSON ${sha256}`,
  );
  console.log(`wrote ${join(values.out, 'report.json')} and ${join(values.out, 'report.html')}`);
  if (values.pdf) {
    try {
      await writeFresh(values.pdf, await htmlToPdf(html));
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 3;
    }
    console.log(`wrote ${values.pdf} (A4, headless Chromium)`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
