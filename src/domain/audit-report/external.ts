import { z } from 'zod';
import { median } from '../fairness/scoring.ts';
import { positionWeight } from '../fairness/exposure.ts';
import { createRankingAccumulator } from './ranking.ts';
import type { AuditAggregates, FunnelCell, ProxyCell, SelectionCell, StratumCell } from './types.ts';

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
    label: z
      .union([z.string().trim().max(80), z.number(), z.boolean()])
      .nullable()
      .optional()
      .meta({
        description:
          'Outcome label for TPR/FPR/precision (e.g. 1/0, hired/not); positive when equal to ' +
          'posLabel (default 1). Empty or null = unlabelled row. Without any label the outcome ' +
          'column gives one: interview, offer or hire = positive.',
        example: 1,
      }),
    stratum: z
      .string()
      .trim()
      .max(80)
      .optional()
      .meta({ description: 'Stratum (period, region, posting) for the Mantel–Haenszel test.', example: '2026-Q3' }),
    weight: z.number().min(0).max(1e6).optional().meta({
      description: 'Sample weight for the outcome metrics (default 1); the LL144 tables count rows.',
      example: 1,
    }),
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
 * Parses CSV with a header row: subjectId, listId, rank, score, selected, outcome, optional label and weight (or the
 * columns named in `columns`), and one column per group attribute (any other column name). RFC 4180 quoting; booleans
 * true/false/1/0/yes/no. Returns plain objects for {@link validateRows}; data row i is on line i + 2 of the file.
 */
export function parseCsv(text: string, columns: { label?: string; weight?: string } = {}): Record<string, unknown>[] {
  const records = csvRecords(text);
  // A named label or weight column (e.g. "hired") is read as the label or weight column.
  const rename = (h: string) => (h === columns.label ? 'label' : h === columns.weight ? 'weight' : h);
  const header = records.shift()?.map((h) => rename(h.trim())) ?? [];
  const fixed = new Set(['subjectId', 'listId', 'rank', 'score', 'selected', 'outcome', 'label', 'weight', 'stratum']);
  return records
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((cells) => {
      const obj: Record<string, unknown> = { groups: {} as Record<string, string> };
      const groups: Record<string, string | null> = {};
      header.forEach((h, i) => {
        const raw = (cells[i] ?? '').trim();
        if (!fixed.has(h)) groups[h] = raw;
        else if (h === 'rank' || h === 'score') obj[h] = raw === '' ? null : Number(raw);
        else if (h === 'weight') obj[h] = raw === '' ? undefined : Number(raw);
        else if (h === 'label') obj[h] = raw === '' ? null : raw;
        else if (h === 'stratum') obj[h] = raw === '' ? undefined : raw;
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

export interface AggregateOptions {
  /** The label value counted as positive (fairlearn pos_label); default "1" (true and 1 match it). */
  posLabel?: string | number | boolean;
  /** Scoring rate as score ≥ this (binary scores) instead of strictly above the pooled median. */
  scoreThreshold?: number | null;
  /** Skew smoothing for absent groups: ε (FairRankTune) instead of LiFT's Laplace α = 1. */
  skewEpsilon?: number | null;
}

/** A label or pos_label as a comparable string: true/yes → "1", false/no → "0", numbers canonical. */
export function canonicalLabel(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return String(v);
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === 'yes') return '1';
  if (t === 'false' || t === 'no') return '0';
  return t !== '' && Number.isFinite(Number(t)) ? String(Number(t)) : t;
}

/**
 * Aggregates validated rows into the same cells the database audit produces, so one report builder
 * serves both. Unit = one row (decision); people are subjectIds, and each person's decisions in a cell
 * are summed for the person-clustered test. The median of all scores is exact (mean of the two middle
 * values); the proxy table bins the score into five equal-width bins of its observed range. Labels:
 * the label column against posLabel, weighted by `weight`; with no label in any row, the outcome column
 * (interview, offer or hire = positive) when any row has one.
 */
export function aggregateRows(
  rows: readonly ExternalRow[],
  k: number,
  options: AggregateOptions = {},
): AuditAggregates {
  const attributes = [...new Set(rows.flatMap((r) => Object.keys(r.groups)))].sort();
  const scores = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
  const sampleMedian = median(scores);
  const scoreThreshold = options.scoreThreshold ?? null;
  // A loop, not Math.min(...scores): spreading 125,000 arguments overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const hasLabels = rows.some((r) => r.label !== undefined && r.label !== null && r.label !== '');
  const hasOutcomes = rows.some((r) => r.outcome !== 'none');
  const posLabel = canonicalLabel(options.posLabel ?? '1');
  const labelOf = (r: ExternalRow): boolean | null => {
    if (hasLabels)
      return r.label === undefined || r.label === null || r.label === '' ? null : canonicalLabel(r.label) === posLabel;
    return hasOutcomes ? OUTCOMES.indexOf(r.outcome) >= 2 : null;
  };
  type Person = { n: number; x: number; a: number };
  const sel = new Map<string, SelectionCell & { people: Map<string, Person> }>();
  const fun = new Map<string, FunnelCell & { people: Set<string> }>();
  const proxy = new Map<string, ProxyCell>();
  const ranks = new Map<string, { values: (string | null)[]; rank: number; count: number }>();
  const strata = new Map<string, StratumCell>();
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
      cluster: { sumN2: 0, selectedSq: 0, selectedN: 0, aboveSq: 0, aboveN: 0 },
      labels: hasLabels || hasOutcomes ? { tp: 0, fp: 0, fn: 0, tn: 0 } : null,
      score: { n: 0, mean: 0, m2: 0 },
      impressions: 0,
      exposureSum: 0,
      relevanceSum: 0,
      people: new Map<string, Person>(),
    };
    const person = c.people.get(r.subjectId) ?? { n: 0, x: 0, a: 0 };
    c.n++;
    person.n++;
    if (r.selected) {
      c.selected++;
      person.x++;
    }
    c.people.set(r.subjectId, person);
    if (r.stratum !== undefined && r.stratum !== '') {
      const sk = `${r.stratum}|${key}`;
      const sc = strata.get(sk) ?? { stratum: r.stratum, values, n: 0, selected: 0 };
      sc.n++;
      if (r.selected) sc.selected++;
      strata.set(sk, sc);
    }
    const label = labelOf(r);
    if (label !== null && c.labels) {
      const w = r.weight ?? 1;
      if (label && r.selected) c.labels.tp += w;
      else if (r.selected) c.labels.fp += w;
      else if (label) c.labels.fn += w;
      else c.labels.tn += w;
    }
    if (r.score !== null) {
      const above =
        scoreThreshold === null ? sampleMedian !== null && r.score > sampleMedian : r.score >= scoreThreshold;
      if (above) {
        c.aboveMedian++;
        person.a++;
      }
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
  const ranking = createRankingAccumulator(
    attributes,
    k,
    options.skewEpsilon ? { kind: 'epsilon', epsilon: options.skewEpsilon } : undefined,
  );
  for (const list of lists.values()) ranking.addList(list.sort((a, b) => a.rank - b.rank).map((i) => i.values));
  const cells = [...sel.values()].map(({ people, ...c }): SelectionCell => {
    const cluster = { sumN2: 0, selectedSq: 0, selectedN: 0, aboveSq: 0, aboveN: 0 };
    for (const p of people.values()) {
      cluster.sumN2 += p.n * p.n;
      cluster.selectedSq += p.x * p.x;
      cluster.selectedN += p.x * p.n;
      cluster.aboveSq += p.a * p.a;
      cluster.aboveN += p.a * p.n;
    }
    return { ...c, individuals: people.size, cluster };
  });
  const labelDefinition = hasLabels
    ? `positive = label equal to pos_label "${String(options.posLabel ?? 1)}"` +
      `${rows.some((r) => r.weight !== undefined) ? ', weighted by the weight column' : ''}; ` +
      `predicted = selected / 正例 = label 列等于 pos_label；预测 = selected`
    : hasOutcomes
      ? 'positive = the outcome column reached interview, offer or hire; predicted = selected / 正例 ' +
        '= outcome 列达到面试、录用或入职；预测 = selected'
      : null;
  return {
    attributes,
    protectedAttributes: attributes,
    k,
    selection: { cells, sampleMedian, scoreThreshold },
    labelDefinition,
    strata: [...strata.values()],
    strataKind: 'column',
    rawScores: scores,
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
