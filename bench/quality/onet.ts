/**
 * O*NET 29.2 raw files (data/onet-29.2, tab-separated with a header row). O*NET® is a trademark of
 * USDOL/ETA; the database is used under CC BY 4.0 (attribution in data/README.md).
 */
import { readFileSync } from 'node:fs';

const DIR = new URL('../../data/onet-29.2/', import.meta.url);

/** Rows of one file as records keyed by the header names. */
export function readOnetTable(name: string): Array<Record<string, string>> {
  const lines = readFileSync(new URL(`${name}.txt`, DIR), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export interface OnetOccupation {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  /** Task statements, Core before Supplemental, in file order within each. */
  readonly tasks: readonly string[];
  /** Technology Skills examples, Hot Technology first. */
  readonly technologies: readonly string[];
}

export type RelatedTier = 'Primary-Short' | 'Primary-Long' | 'Supplemental';

export interface OnetData {
  readonly occupations: readonly OnetOccupation[];
  /** Job titles with the codes that list them: Alternate Titles and Sample of Reported Titles. */
  readonly titles: ReadonlyArray<{
    readonly title: string;
    readonly code: string;
    readonly source: 'alternate' | 'reported';
  }>;
  readonly related: ReadonlyArray<{ readonly code: string; readonly related: string; readonly tier: RelatedTier }>;
}

const CODE = 'O*NET-SOC Code';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list === undefined) out.set(k, [row]);
    else list.push(row);
  }
  return out;
}

export function loadOnet(): OnetData {
  const tasks = groupBy(readOnetTable('Task Statements'), (r) => r[CODE] ?? '');
  const tech = groupBy(readOnetTable('Technology Skills'), (r) => r[CODE] ?? '');
  const occupations = readOnetTable('Occupation Data').map((r): OnetOccupation => {
    const code = r[CODE] ?? '';
    const own = tasks.get(code) ?? [];
    const techRows = tech.get(code) ?? [];
    return {
      code,
      title: r.Title ?? '',
      description: r.Description ?? '',
      tasks: [...own.filter((t) => t['Task Type'] === 'Core'), ...own.filter((t) => t['Task Type'] !== 'Core')].map(
        (t) => t.Task ?? '',
      ),
      technologies: [
        ...techRows.filter((t) => t['Hot Technology'] === 'Y'),
        ...techRows.filter((t) => t['Hot Technology'] !== 'Y'),
      ].map((t) => t.Example ?? ''),
    };
  });
  const titles = [
    ...readOnetTable('Alternate Titles').map((r) => ({
      title: r['Alternate Title'] ?? '',
      code: r[CODE] ?? '',
      source: 'alternate' as const,
    })),
    ...readOnetTable('Sample of Reported Titles').map((r) => ({
      title: r['Reported Job Title'] ?? '',
      code: r[CODE] ?? '',
      source: 'reported' as const,
    })),
  ];
  const tiers = new Set<string>(['Primary-Short', 'Primary-Long', 'Supplemental']);
  const related = readOnetTable('Related Occupations').flatMap((r) => {
    const tier = r['Relatedness Tier'] ?? '';
    return tiers.has(tier)
      ? [{ code: r[CODE] ?? '', related: r['Related O*NET-SOC Code'] ?? '', tier: tier as RelatedTier }]
      : [];
  });
  return { occupations, titles, related };
}
