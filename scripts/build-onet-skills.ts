/**
 * Derives src/domain/skills/data/onet-technology.json from O*NET 29.2 "Technology Skills.txt".
 * Deterministic: examples sorted by name, commodity codes sorted. Run: node scripts/build-onet-skills.ts
 *
 * This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
 * Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.
 * USDOL/ETA has not approved, endorsed, or tested these modifications.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}data/onet-29.2/Technology Skills.txt`;
const target = `${root}src/domain/skills/data/onet-technology.json`;

interface Acc {
  readonly occupations: Set<string>;
  readonly commodities: Map<string, number>;
  hot: boolean;
  inDemand: boolean;
}

const lines = readFileSync(source, 'utf8')
  .split(/\r?\n/u)
  .filter((l) => l.length > 0);
const header = lines[0]?.split('\t') ?? [];
const col = (name: string): number => {
  const k = header.indexOf(name);
  if (k < 0) throw new Error(`column ${name} missing in ${source}`);
  return k;
};
const [cSoc, cExample, cCode, cTitle, cHot, cDemand] = [
  'O*NET-SOC Code',
  'Example',
  'Commodity Code',
  'Commodity Title',
  'Hot Technology',
  'In Demand',
].map(col);

const byName = new Map<string, Acc>();
const titles = new Map<string, string>();
for (const line of lines.slice(1)) {
  const f = line.split('\t');
  const get = (k: number | undefined): string => (k === undefined ? '' : (f[k] ?? '').trim());
  const name = get(cExample);
  const code = get(cCode);
  if (name === '' || code === '') continue;
  titles.set(code, get(cTitle));
  let acc = byName.get(name);
  if (acc === undefined) {
    acc = { occupations: new Set(), commodities: new Map(), hot: false, inDemand: false };
    byName.set(name, acc);
  }
  acc.occupations.add(get(cSoc));
  acc.commodities.set(code, (acc.commodities.get(code) ?? 0) + 1);
  // A flag set for any occupation marks the tool.
  acc.hot ||= get(cHot) === 'Y';
  acc.inDemand ||= get(cDemand) === 'Y';
}

// An example filed under several commodities takes the one most occupations use (ties: lowest code).
const examples = [...byName.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([name, acc]) => {
    const [code] = [...acc.commodities.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0] ?? [''];
    return [name, code, acc.hot ? 1 : 0, acc.inDemand ? 1 : 0, acc.occupations.size] as const;
  });

const commodities = Object.fromEntries([...titles.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
const out = {
  source: 'O*NET 29.2 Database, Technology Skills (USDOL/ETA), CC BY 4.0',
  fields: ['example', 'commodityCode', 'hot', 'inDemand', 'occupations'],
  commodities,
  examples,
};
writeFileSync(target, `${JSON.stringify(out, null, 0).replace(/\],\[/gu, '],\n[')}\n`);
console.log(`wrote ${examples.length} examples in ${titles.size} commodities to ${target}`);
