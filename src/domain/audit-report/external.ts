import { z } from 'zod';
import { median } from '../fairness/scoring.ts';
import { positionWeight } from '../fairness/exposure.ts';
import { createRankingAccumulator } from './ranking.ts';
import type { AuditAggregates, FunnelCell, ProxyCell, SelectionCell } from './types.ts';

const OUTCOMES = ['none', 'applied', 'interview', 'offer', 'hire'] as const;
const UNKNOWN = new Set(['', 'unknown', 'undisclosed', 'na', 'n/a', 'null']);

/** One decision from another platform's log: who, which list, where ranked, the score, the decision. */
const externalRow = z
  .object({
    subjectId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: 'Pseudonymous id of the person.', example: 's-0001' }),
    groups: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.string().trim().max(80).nullable()).meta({
      description:
        'Group attributes of the person (e.g. gender, ethnicity, hukouType); empty, null or "unknown" = unknown.',
      example: { gender: 'female', hukouType: 'rural' },
    }),
    listId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .meta({ description: 'The ranked list (query, posting) the row was part of.', example: 'job-42' }),
    rank: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .meta({ description: '1-based position in the list, null when not ranked.', example: 3 }),
    // Bounded so sums and spreads over 100,000 rows stay finite (±1e308 overflowed them into a 500).
    score: z
      .number()
      .min(-1e12)
      .max(1e12)
      .nullable()
      .meta({ description: "The tool's score (within ±1e12), null when the tool does not score.", example: 0.72 }),
    selected: z.boolean().meta({ description: 'Whether the tool selected / moved the person forward.', example: true }),
    outcome: z
      .enum(OUTCOMES)
      .default('none')
      .meta({ description: 'Furthest stage reached: none, applied, interview, offer or hire.', example: 'applied' }),
  })
  .meta({ id: 'ExternalAuditRow' });
export type ExternalRow = z.infer<typeof externalRow>;

/** `index` is 0-based over the data rows; `field` the failing path inside the row. */
export interface RowError {
  index: number;
  field: string;
  message: string;
}

/**
 * Parses CSV with a header row: subjectId, listId, rank, score, selected, outcome, and one column per
 * group attribute (any other column name). RFC 4180 quoting; booleans true/false/1/0/yes/no.
 * Returns plain objects for {@link validateRows}; data row i is on line i + 2 of the file.
 */
export function parseCsv(text: string): Record<string, unknown>[] {
  const records = csvRecords(text);
  const header = records.shift()?.map((h) => h.trim()) ?? [];
  const fixed = new Set(['subjectId', 'listId', 'rank', 'score', 'selected', 'outcome']);
  return records
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((cells) => {
      const obj: Record<string, unknown> = { groups: {} as Record<string, string> };
      const groups: Record<string, string | null> = {};
      header.forEach((h, i) => {
        const raw = (cells[i] ?? '').trim();
        if (!fixed.has(h)) groups[h] = raw;
        else if (h === 'rank' || h === 'score') obj[h] = raw === '' ? null : Number(raw);
        else if (h === 'selected')
          obj[h] = /^(true|1|yes)$/i.test(raw) ? true : /^(false|0|no)$/i.test(raw) ? false : raw;
        else if (h === 'outcome') obj[h] = raw === '' ? undefined : raw;
        else obj[h] = raw;
      });
      obj.groups = groups;
      return obj;
    });
}

function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

/** Validates every row; collects an error per failing field with the row's 0-based index. */
export function validateRows(rows: readonly unknown[]): { rows: ExternalRow[]; errors: RowError[] } {
  const valid: ExternalRow[] = [];
  const errors: RowError[] = [];
  rows.forEach((raw, i) => {
    const parsed = externalRow.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ index: i, field: issue.path.map(String).join('.') || '(row)', message: issue.message });
  });
  if (rows.length === 0) errors.push({ index: -1, field: '(file)', message: 'no data rows' });
  return { rows: valid, errors };
}

const norm = (v: string | null | undefined): string | null =>
  v === null || v === undefined || UNKNOWN.has(v.trim().toLowerCase()) ? null : v.trim();

/**
 * Aggregates validated rows into the same cells the database audit produces, so one report builder
 * serves both. Unit = one row (decision); the median of all scores is exact (mean of the two middle
 * values); the proxy table bins the score into five equal-width bins of its observed range.
 */
export function aggregateRows(rows: readonly ExternalRow[], k: number): AuditAggregates {
  const attributes = [...new Set(rows.flatMap((r) => Object.keys(r.groups)))].sort();
  const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
  const sampleMedian = median(scores);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const sel = new Map<string, SelectionCell & { people: Set<string> }>();
  const fun = new Map<string, FunnelCell & { people: Set<string> }>();
  const proxy = new Map<string, ProxyCell>();
  const ranks = new Map<string, { values: (string | null)[]; rank: number; count: number }>();
  const lists = new Map<string, { rank: number; values: (string | null)[] }[]>();
  for (const r of rows) {
    const values = attributes.map((a) => norm(r.groups[a]));
    const key = JSON.stringify(values);
    const c = sel.get(key) ?? {
      values,
      n: 0,
      selected: 0,
      aboveMedian: 0,
      individuals: 0,
      score: { n: 0, mean: 0, m2: 0 },
      impressions: 0,
      exposureSum: 0,
      relevanceSum: 0,
      people: new Set<string>(),
    };
    c.n++;
    if (r.selected) c.selected++;
    c.people.add(r.subjectId);
    if (r.score !== null) {
      if (sampleMedian !== null && r.score > sampleMedian) c.aboveMedian++;
      const n = c.score.n + 1;
      const d = r.score - c.score.mean;
      const mean = c.score.mean + d / n;
      c.score = { n, mean, m2: c.score.m2 + d * (r.score - mean) };
      const bin = hi > lo ? `b${Math.min(4, Math.floor(((r.score - lo) / (hi - lo)) * 5))}` : 'b0';
      const pk = `${bin}|${key}`;
      const p = proxy.get(pk) ?? { component: 'score', bin, values, count: 0 };
      p.count++;
      proxy.set(pk, p);
    }
    if (r.rank !== null) {
      c.impressions++;
      c.exposureSum += positionWeight(r.rank);
      c.relevanceSum += Math.max(0, r.score ?? 0);
      const rk = `${r.rank}|${key}`;
      const rc = ranks.get(rk) ?? { values, rank: r.rank, count: 0 };
      rc.count++;
      ranks.set(rk, rc);
      const list = lists.get(r.listId) ?? [];
      list.push({ rank: r.rank, values });
      lists.set(r.listId, list);
    }
    sel.set(key, c);
    const f = fun.get(key) ?? {
      values,
      individuals: 0,
      shown: 0,
      applied: 0,
      interview: 0,
      offer: 0,
      hire: 0,
      people: new Set<string>(),
    };
    const stage = OUTCOMES.indexOf(r.outcome);
    f.people.add(r.subjectId);
    f.shown++;
    if (stage >= 1) f.applied++;
    if (stage >= 2) f.interview++;
    if (stage >= 3) f.offer++;
    if (stage >= 4) f.hire++;
    fun.set(key, f);
  }
  const ranking = createRankingAccumulator(attributes, k);
  for (const list of lists.values()) ranking.addList(list.sort((a, b) => a.rank - b.rank).map((i) => i.values));
  const hasOutcomes = rows.some((r) => r.outcome !== 'none');
  return {
    attributes,
    protectedAttributes: attributes,
    k,
    selection: {
      cells: [...sel.values()].map(({ people, ...c }) => ({ ...c, individuals: people.size })),
      sampleMedian,
    },
    recommendations: null,
    funnel: hasOutcomes
      ? { cells: [...fun.values()].map(({ people, ...c }) => ({ ...c, individuals: people.size })) }
      : null,
    proxy: [...proxy.values()],
    proxySampleFraction: 1,
    ranks: [...ranks.values()],
    ranking: ranking.summary(),
    totals: {
      impressions: rows.filter((r) => r.rank !== null).length,
      candidateLists: lists.size,
      recommendationLists: 0,
      graduates: new Set(rows.map((r) => r.subjectId)).size,
      consented: 0,
    },
    modelVersions: [],
  };
}
