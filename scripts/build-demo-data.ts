/**
 * Derives src/demo/data/occupations.json from the raw O*NET 29.2 files. Run once; the output is committed
 * so the demo generator stays pure (no file reads at run time):
 *
 *   node scripts/build-demo-data.ts
 *
 * This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
 * Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.
 * USDOL/ETA has not approved, endorsed, or tested these modifications of the data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_OCCUPATION_CODES } from '../src/demo/data/occupation-codes.ts';

const ROOT = join(import.meta.dirname, '..');
const ONET = join(ROOT, 'data/onet-29.2');
const OUT = join(ROOT, 'src/demo/data/occupations.json');
const MAX_TASKS = 8;
const MAX_SKILLS = 20;
const MAX_ALT_TITLES = 8;

/** Rows of a tab-separated O*NET file as objects keyed by the header row. */
const readTsv = (file: string): Array<Record<string, string>> => {
  const [header, ...lines] = readFileSync(join(ONET, file), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  if (header === undefined) throw new Error(`${file} is empty`);
  const cols = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
};

const groupBy = (rows: Array<Record<string, string>>): Map<string, Array<Record<string, string>>> => {
  const map = new Map<string, Array<Record<string, string>>>();
  for (const row of rows) {
    const code = row['O*NET-SOC Code'] ?? '';
    const list = map.get(code) ?? [];
    list.push(row);
    map.set(code, list);
  }
  return map;
};

const occupations = new Map(readTsv('Occupation Data.txt').map((r) => [r['O*NET-SOC Code'] ?? '', r]));
const zones = new Map(readTsv('Job Zones.txt').map((r) => [r['O*NET-SOC Code'] ?? '', Number(r['Job Zone'])]));
const tasks = groupBy(readTsv('Task Statements.txt'));
const tech = groupBy(readTsv('Technology Skills.txt'));
const alt = groupBy(readTsv('Alternate Titles.txt'));

const out = DEMO_OCCUPATION_CODES.map((code) => {
  const occ = occupations.get(code);
  const jobZone = zones.get(code);
  if (occ === undefined || jobZone === undefined) throw new Error(`${code}: not in Occupation Data / Job Zones`);
  if (jobZone < 3) throw new Error(`${code}: job zone ${jobZone} is below graduate level`);
  // Core tasks first, most-reported first, so the ≤ 8 kept are the most typical of the job.
  const taskRows = [...(tasks.get(code) ?? [])].sort(
    (a, b) =>
      Number(a['Task Type'] !== 'Core') - Number(b['Task Type'] !== 'Core') ||
      Number(b['Incumbents Responding'] || 0) - Number(a['Incumbents Responding'] || 0),
  );
  // Hot technologies first, then in-demand ones, then the rest in file order; one entry per name.
  const seen = new Set<string>();
  const rank = (r: Record<string, string>): number =>
    (r['Hot Technology'] === 'Y' ? 0 : 2) + (r['In Demand'] === 'Y' ? 0 : 1);
  const skillRows = [...(tech.get(code) ?? [])]
    .sort((a, b) => rank(a) - rank(b))
    .filter((r) => {
      const name = r['Example'] ?? '';
      if (seen.has(name) || name.length > 60) return false;
      seen.add(name);
      return true;
    });
  // Each commodity category's share of the occupation's technology examples: how central that kind of
  // tool is to the job (17 of 45 of a nurse's examples are medical software; Apache Spark is its only BI tool).
  const categories = new Map<string, number>();
  for (const r of skillRows)
    categories.set(r['Commodity Title'] ?? '', (categories.get(r['Commodity Title'] ?? '') ?? 0) + 1);
  const share = (r: Record<string, string>): number =>
    Math.round((1000 * (categories.get(r['Commodity Title'] ?? '') ?? 0)) / skillRows.length) / 1000;
  const altTitles = (alt.get(code) ?? [])
    .map((r) => r['Alternate Title'] ?? '')
    .filter((t) => t.length > 0 && t.length <= 40 && !/[(),]/.test(t))
    .slice(0, MAX_ALT_TITLES);
  return {
    code,
    title: occ['Title'] ?? '',
    description: occ['Description'] ?? '',
    jobZone,
    tasks: taskRows.slice(0, MAX_TASKS).map((r) => r['Task'] ?? ''),
    techSkills: skillRows.slice(0, MAX_SKILLS).map((r) => ({
      name: r['Example'] ?? '',
      hot: r['Hot Technology'] === 'Y',
      category: r['Commodity Title'] ?? '',
      categoryShare: share(r),
    })),
    altTitles,
  };
});

// One occupation per line: compact, yet a diff shows which occupation changed.
writeFileSync(OUT, `[\n${out.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`);
const stats = out.map((o) => o.tasks.length + o.techSkills.length);
console.log(`wrote ${out.length} occupations to ${OUT}`);
console.log(
  `tasks: ${out.reduce((s, o) => s + o.tasks.length, 0)}, tech skills: ` +
    `${out.reduce((s, o) => s + o.techSkills.length, 0)}, min items per occupation: ` +
    `${Math.min(...stats)}`,
);
