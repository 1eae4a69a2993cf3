import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { ATTRIBUTE_VALUES, AUDIT_ATTRIBUTES } from '../domain/audit-report/attributes.ts';
import type {
  FunnelCell,
  ProxyCell,
  QualityCell,
  RankCell,
  SelectionCell,
  StratumCell,
} from '../domain/audit-report/types.ts';
import { ATTRIBUTE_COLUMNS } from './demographic-columns.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The audit's reads, aggregated in SQL into "cells" (one row per combination of attribute values), each over ONE
 * chunk of graduates (a {@link GraduateRange} of impressions' graduate ids), so no statement reads more than a chunk
 * and the caller can give the connection back between statements (PGlite has only one). The tenant's CONSENTED
 * demographics of the chunk are a CTE of each statement (`audit_demo`), not a temporary table held by a connection.
 * The caller merges the chunks' cells (domain/audit-report/cell-merge.ts).
 */
export interface AuditWindow {
  tenantId: string;
  from: Date;
  to: Date;
  k: number;
}

/**
 * Graduate ids in (after, through] (null = unbounded on that side), or the impressions without a graduate (search
 * impressions): together the ranges of a plan cover every impression once.
 */
export type GraduateRange = { after: string | null; through: string | null } | 'no-graduate';

/**
 * A position in the impressions of graduates in (graduate_id, created_at) order; `createdAt` is the timestamp's text
 * (microseconds: a Date would round it to milliseconds and move the boundary).
 */
export interface ImpressionKey {
  graduateId: string;
  createdAt: string;
}

/**
 * Impressions of graduates in (after, through] in (graduate_id, created_at) order (null = unbounded on that side), or
 * the impressions without a graduate: ranges that bound impressions, not graduates, for the reads that count each
 * impression on its own (a graduate with thousands of impressions stays one graduate range).
 */
export type ImpressionRange = { after: ImpressionKey | null; through: ImpressionKey | null } | 'no-graduate';

// Sent as text: postgres.js serializes a timestamptz parameter through a Date, which drops the microseconds.
const keyRow = (k: ImpressionKey) => sql`(${k.graduateId}::uuid, ${k.createdAt}::text::timestamptz)`;

/** The SQL condition "impression in range", on the alias `i`. */
function inImpressionRange(r: ImpressionRange): RawBuilder<unknown> {
  if (r === 'no-graduate') return sql`i.graduate_id is null`;
  const parts = [sql`i.graduate_id is not null`];
  if (r.after !== null) parts.push(sql`(i.graduate_id, i.created_at) > ${keyRow(r.after)}`);
  if (r.through !== null) parts.push(sql`(i.graduate_id, i.created_at) <= ${keyRow(r.through)}`);
  return sql.join(parts, sql` and `);
}

/**
 * The end of the impression range that starts after `after`: the key of the `size`-th impression of a graduate in the
 * window in key order, or null when fewer remain. Impressions sharing the end key (one list's items) all fall in the
 * range. Reads at most `size` entries of the (graduate_id, created_at) index.
 */
export async function impressionChunkEnd(
  db: Db,
  w: AuditWindow,
  after: ImpressionKey | null,
  size: number,
): Promise<ImpressionKey | null> {
  const result = await sql<{ graduate_id: string; created_at: string }>`
    select i.graduate_id, i.created_at::text as created_at from impressions i
    where i.tenant_id = ${w.tenantId} and i.created_at >= ${w.from} and i.created_at < ${w.to}
      and ${inImpressionRange({ after, through: null })}
    order by i.graduate_id, i.created_at offset ${Math.max(0, size - 1)} limit 1`.execute(db);
  const row = result.rows[0];
  return row ? { graduateId: row.graduate_id, createdAt: row.created_at } : null;
}

/** The SQL condition "column in range". */
function inRange(column: string, r: GraduateRange): RawBuilder<unknown> {
  const c = sql.ref(column);
  if (r === 'no-graduate') return sql`${c} is null`;
  const parts = [sql`${c} is not null`];
  if (r.after !== null) parts.push(sql`${c} > ${r.after}::uuid`);
  if (r.through !== null) parts.push(sql`${c} <= ${r.through}::uuid`);
  return sql.join(parts, sql` and `);
}

/** The demographics columns of the audited attributes, in AUDIT_ATTRIBUTES order (a cell's values follow it). */
const CELL_COLUMNS = AUDIT_ATTRIBUTES.map((a) => ATTRIBUTE_COLUMNS[a]);
const cols = sql.raw(CELL_COLUMNS.map((c) => `d.${c}`).join(', '));
type CellRow = Record<(typeof ATTRIBUTE_COLUMNS)[keyof typeof ATTRIBUTE_COLUMNS], string | null>;
const values = (r: CellRow): (string | null)[] => CELL_COLUMNS.map((c) => r[c]);

const known = (column: string, allowed: readonly string[]) =>
  sql.raw(`case when d.${column} in (${allowed.map((v) => `'${v}'`).join(', ')}) then d.${column} end as ${column}`);

/**
 * CTE audit_demo(graduate_id, six attributes) of the range, MATERIALIZED so the latest-consent lookup runs once per
 * graduate of the statement wherever the planner puts the join: only graduates whose LATEST fairness_audit consent
 * event is granted = true; values outside the known categories ('undisclosed', typos) → null.
 */
function demoCte(tenantId: string, which: RawBuilder<unknown>) {
  return sql`audit_demo as materialized (
    select d.graduate_id, ${sql.join(AUDIT_ATTRIBUTES.map((a) => known(ATTRIBUTE_COLUMNS[a], ATTRIBUTE_VALUES[a])))}
    from graduate_demographics d
    join lateral (
      select c.granted from consents c
      where c.graduate_id = d.graduate_id and c.tenant_id = d.tenant_id and c.purpose = 'fairness_audit'
      order by c.created_at desc, c.seq desc limit 1
    ) latest on latest.granted
    where d.tenant_id = ${tenantId} and ${which})`;
}
const demoOf = (tenantId: string, r: GraduateRange) => demoCte(tenantId, inRange('d.graduate_id', r));

/** Graduates of the range with consented demographics (summed over a plan's ranges: the tenant's). */
export async function consentedCount(db: Db, tenantId: string, r: GraduateRange): Promise<number> {
  const result = await sql<{ n: number }>`
    with ${demoOf(tenantId, r)} select count(*)::int as n from audit_demo`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * The end of the chunk that starts after `after`: the graduate id of the `size`-th impression in the window in
 * graduate order, or null when fewer remain (the chunk then runs to the end). Reads at most `size` index entries.
 */
export async function chunkEnd(db: Db, w: AuditWindow, after: string | null, size: number): Promise<string | null> {
  const result = await sql<{ graduate_id: string }>`
    select graduate_id from impressions
    where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
      and ${inRange('graduate_id', { after, through: null })}
    order by graduate_id offset ${Math.max(0, size - 1)} limit 1`.execute(db);
  return result.rows[0]?.graduate_id ?? null;
}

/**
 * Candidate decisions: one per (posting, graduate) pair served in a candidate list in the window; the best rank decides
 * "shown in the top k"; the pair's score is the mean of its servings; the pooled median is percentile_cont(0.5) over
 * all pairs (unknowns included). Per person the decisions, selected and above-median counts are squared and multiplied
 * before summing into the cell (the clustered test's sums); the label is "the pair reached interview, offer or hire in
 * or after the window start". Exposure sums 1/log2(1 + rank) = ln 2 / ln(1 + rank) over every served impression.
 */
export async function selectionCells(
  db: Db,
  w: AuditWindow,
  r: GraduateRange,
  median: number | null,
): Promise<SelectionCell[]> {
  // Two levels, as the decisions are aggregated per graduate first and per cell second: a cell's M2 is
  // Σ M2_g + Σ n_g (mean_g − mean_cell)² (the pairwise merge), and people are count(*) at the second level.
  const result = await sql<
    CellRow & {
      n: number;
      selected: number;
      above: number;
      individuals: number;
      sum_n2: number;
      sel_sq: number;
      sel_n: number;
      above_sq: number;
      above_n: number;
      tp: number;
      positives: number;
      mean: number;
      m2: number;
      impressions: number;
      exposure: number;
      relevance: number;
    }
  >`
    with ${demoOf(w.tenantId, r)}, stage as (
      select graduate_id, posting_id from interactions
      where tenant_id = ${w.tenantId} and occurred_at >= ${w.from} and type in ('interview', 'offer', 'hire')
        and ${inRange('graduate_id', r)}
      group by graduate_id, posting_id
    ), ${pairsCte(w, r)}, med as (select ${median}::float8 as m),
    per_grad as (
      select p.graduate_id, count(*) as n, count(*) filter (where p.best_rank <= ${w.k}) as selected,
        count(*) filter (where p.score > med.m) as above, avg(p.score) as mean, coalesce(var_pop(p.score), 0)
    * count(*) as m2,
        count(*) filter (where s.posting_id is not null) as positives,
        count(*) filter (where s.posting_id is not null and p.best_rank <= ${w.k}) as tp,
        sum(p.impressions) as impressions, sum(p.exposure) as exposure, sum(p.relevance) as relevance
      from pairs p cross join med
      left join stage s on s.graduate_id = p.graduate_id and s.posting_id = p.posting_id
      group by p.graduate_id
    ), celled as (
      select ${cols}, g.*, sum(g.n * g.mean) over cell / sum(g.n) over cell as cell_mean
      from per_grad g left join audit_demo d on d.graduate_id = g.graduate_id
      window cell as (partition by ${cols})
    )
    select ${sql.raw(CELL_COLUMNS.join(', '))}, sum(n)::int as n, sum(selected)::int as selected,
    sum(above)::int as above, count(*)::int as individuals,
      sum(n * n)::float8 as sum_n2, sum(selected * selected)::float8 as sel_sq, sum(selected * n)::float8 as
    sel_n,
      sum(above * above)::float8 as above_sq, sum(above * n)::float8 as above_n,
      sum(tp)::int as tp, sum(positives)::int as positives,
      (sum(n * mean) / sum(n))::float8 as mean, (sum(m2) + sum(n * (mean - cell_mean) ^ 2))::float8 as m2,
      sum(impressions)::float8 as impressions, sum(exposure)::float8 as exposure, sum(relevance)::float8 as
    relevance
    from celled group by ${sql.raw(CELL_COLUMNS.join(', '))}`.execute(db);
  return result.rows.map((r): SelectionCell => ({
    values: values(r),
    n: r.n,
    selected: r.selected,
    aboveMedian: r.above,
    individuals: r.individuals,
    cluster: {
      sumN2: Number(r.sum_n2),
      selectedSq: Number(r.sel_sq),
      selectedN: Number(r.sel_n),
      aboveSq: Number(r.above_sq),
      aboveN: Number(r.above_n),
    },
    labels: { tp: r.tp, fp: r.selected - r.tp, fn: r.positives - r.tp, tn: r.n - r.selected - (r.positives - r.tp) },
    score: { n: r.n, mean: Number(r.mean), m2: Math.max(0, Number(r.m2)) },
    impressions: Number(r.impressions),
    exposureSum: Number(r.exposure),
    relevanceSum: Number(r.relevance),
  }));
}

/**
 * The candidate (posting, graduate) pairs of the range, as {@link selectionCells} forms them; their scores feed
 * the pooled median, which the caller computes over every range before it asks for the cells.
 */
function pairsCte(w: AuditWindow, r: GraduateRange) {
  return sql`pairs as (
      select graduate_id, posting_id, min(rank) as best_rank, avg(score) as score, count(*) as impressions,
             sum(ln(2::float8) / ln((1 + rank)::float8)) as exposure, sum(greatest(score, 0)) as relevance
      from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from}
        and created_at < ${w.to} and ${inRange('graduate_id', r)}
      group by graduate_id, posting_id
    )`;
}

/** The scores of the candidate decisions of the range (one per pair), for the pooled median. */
export async function pairScores(db: Db, w: AuditWindow, r: GraduateRange): Promise<number[]> {
  const result = await sql<{ score: number }>`
    with ${pairsCte(w, r)} select score::float8 as score from pairs`.execute(db);
  return result.rows.map((row) => Number(row.score));
}

/**
 * The selection decisions of {@link selectionCells} split by posting, the Mantel–Haenszel strata: per
 * (posting, cell) the (posting, graduate) pairs served in a candidate list in the window and those whose
 * best rank was within the top k. Summed over postings they equal the selection cells' n and selected.
 */
export async function postingStrataCells(db: Db, w: AuditWindow, r: GraduateRange): Promise<StratumCell[]> {
  const result = await sql<CellRow & { stratum: string; n: number; selected: number }>`
    with ${demoOf(w.tenantId, r)}, pairs as (
      select graduate_id, posting_id, min(rank) as best_rank from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at < ${w.to}
        and ${inRange('graduate_id', r)}
      group by graduate_id, posting_id
    )
    select ${cols}, p.posting_id::text as stratum, count(*)::int as n,
      (count(*) filter (where p.best_rank <= ${w.k}))::int as selected
    from pairs p left join audit_demo d on d.graduate_id = p.graduate_id
    group by ${cols}, p.posting_id`.execute(db);
  return result.rows.map((row) => ({ values: values(row), stratum: row.stratum, n: row.n, selected: row.selected }));
}

/** Recommendation quality: per graduate, the mean score of the top-k postings served to them. */
function qualityCte(w: AuditWindow, r: GraduateRange) {
  return sql`per_grad as (
      select graduate_id, avg(score) as q from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'recommendations' and created_at >= ${w.from}
        and created_at < ${w.to} and rank <= ${w.k} and ${inRange('graduate_id', r)}
      group by graduate_id
    )`;
}

/** The quality scores of the range's graduates (one each), for the pooled median. */
export async function qualityScores(db: Db, w: AuditWindow, r: GraduateRange): Promise<number[]> {
  const result = await sql<{ q: number }>`with ${qualityCte(w, r)} select q::float8 as q from per_grad`.execute(db);
  return result.rows.map((row) => Number(row.q));
}

/** Quality cells of the range: graduates, those strictly above the pooled `median`, and the moments of q. */
export async function qualityCells(
  db: Db,
  w: AuditWindow,
  r: GraduateRange,
  median: number | null,
): Promise<QualityCell[]> {
  const result = await sql<CellRow & { n: number; above: number; mean: number; m2: number }>`
    with ${demoOf(w.tenantId, r)}, ${qualityCte(w, r)}
    select ${cols}, count(*)::int as n, (count(*) filter (where g.q > ${median}::float8))::int as above,
      avg(g.q)::float8 as mean, (coalesce(var_pop(g.q), 0) * count(*))::float8 as m2
    from per_grad g left join audit_demo d on d.graduate_id = g.graduate_id
    group by ${cols}`.execute(db);
  return result.rows.map((row) => ({
    values: values(row),
    n: row.n,
    aboveMedian: row.above,
    score: { n: row.n, mean: Number(row.mean), m2: Number(row.m2) },
  }));
}

/** Funnel over shown (graduate, posting) pairs; the furthest recorded stage counts for every stage before it. */
export async function funnelCells(db: Db, w: AuditWindow, r: GraduateRange): Promise<FunnelCell[]> {
  const result = await sql<
    CellRow & { individuals: number; shown: number; applied: number; interview: number; offer: number; hire: number }
  >`
    with ${demoOf(w.tenantId, r)}, shown as (
      select graduate_id, posting_id from impressions
      where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
        and ${inRange('graduate_id', r)}
      group by graduate_id, posting_id
    ), stage as (
      select graduate_id, posting_id,
        max(case type when 'apply' then 1 when 'interview' then 2 when 'offer' then 3 when 'hire' then 4 else
    0 end) as s
      from interactions where tenant_id = ${w.tenantId} and occurred_at >= ${w.from} and ${inRange('graduate_id', r)}
      group by graduate_id, posting_id
    ), per_grad as (
      select s.graduate_id, count(*) as shown, count(*) filter (where st.s >= 1) as applied, count(*) filter
    (where st.s >= 2) as interview,
        count(*) filter (where st.s >= 3) as offer, count(*) filter (where st.s >= 4) as hire
      from shown s left join stage st on st.graduate_id = s.graduate_id and st.posting_id = s.posting_id
      group by s.graduate_id
    )
    select ${cols}, count(*)::int as individuals, sum(g.shown)::int as shown, sum(g.applied)::int as applied,
      sum(g.interview)::int as interview, sum(g.offer)::int as offer, sum(g.hire)::int as hire
    from per_grad g left join audit_demo d on d.graduate_id = g.graduate_id
    group by ${cols}`.execute(db);
  return result.rows.map((r) => ({
    values: values(r),
    individuals: r.individuals,
    shown: r.shown,
    applied: r.applied,
    interview: r.interview,
    offer: r.offer,
    hire: r.hire,
  }));
}

/** The scoring components of the hybrid model, in the order the matching engine writes them. */
const PROXY_COMPONENTS = [
  'semantic',
  'requiredSkills',
  'preferredSkills',
  'majorFit',
  'degreeFit',
  'locationFit',
  'salaryFit',
  'jobTypeFit',
] as const;

/**
 * Scoring components × five equal-width bins × attribute values, over served impressions. Reads both
 * shapes the log may hold: the engine's array of {name, value, …} in PROXY_COMPONENTS order (each
 * position checked by name) or an object {name: value}; direct key access, no set-returning jsonb
 * functions, because this is the audit's most expensive read. `fraction` < 1 reads a Bernoulli
 * sample of the table (REPEATABLE, so a rerun on the same data reads the same rows). Counts add up over any
 * partition of the impressions, so this reads an {@link ImpressionRange} (consented demographics of its graduates).
 */
export async function proxyCells(db: Db, w: AuditWindow, r: ImpressionRange, fraction = 1): Promise<ProxyCell[]> {
  const pick = PROXY_COMPONENTS.map(
    (name, i) =>
      `('${name}', coalesce((i.components ->> '${name}')::float8, case when i.components -> ${i} ` +
      `->> 'name' = '${name}' then (i.components -> ${i} ->> 'value')::float8 end))`,
  ).join(',\n');
  // A Bernoulli sample decided by a hash of each impression's id: the same rows whichever chunk reads them.
  const sample =
    fraction < 1
      ? sql`and (hashtextextended(i.id::text, 42) & ${sql.raw(String(2n ** 62n - 1n))}) % 1000000 < ${Math.round(
          fraction * 1_000_000,
        )}`
      : sql``;
  const graduates: GraduateRange =
    r === 'no-graduate' ? r : { after: r.after?.graduateId ?? null, through: r.through?.graduateId ?? null };
  // The graduates' range holds the impressions' (the first graduate's id is included: its later impressions are in r).
  const demo = demoCte(
    w.tenantId,
    graduates === 'no-graduate'
      ? inRange('d.graduate_id', graduates)
      : sql.join(
          [
            sql`true`,
            ...(graduates.after === null ? [] : [sql`d.graduate_id >= ${graduates.after}::uuid`]),
            ...(graduates.through === null ? [] : [sql`d.graduate_id <= ${graduates.through}::uuid`]),
          ],
          sql` and `,
        ),
  );
  const result = await sql<CellRow & { component: string; bin: number; count: number }>`
    with ${demo}
    select ${cols}, c.name as component, least(4, greatest(0, floor(c.value * 5)))::int as bin, count(*)::int as count
    from impressions i
    cross join lateral (values ${sql.raw(pick)}) c(name, value)
    left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.created_at >= ${w.from} and i.created_at < ${w.to} and c.value is not null
      and ${inImpressionRange(r)} ${sample}
    group by ${cols}, c.name, least(4, greatest(0, floor(c.value * 5)))::int`.execute(db);
  return result.rows.map((row) => ({
    values: values(row),
    component: row.component,
    bin: `b${row.bin}`,
    count: row.count,
  }));
}

/** Candidate impressions per rank position (up to `maxRank`) and cell. */
export async function rankCells(db: Db, w: AuditWindow, r: GraduateRange, maxRank = 50): Promise<RankCell[]> {
  const result = await sql<CellRow & { rank: number; count: number }>`
    with ${demoOf(w.tenantId, r)}
    select ${cols}, i.rank, count(*)::int as count
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.created_at >= ${w.from} and
    i.created_at < ${w.to} and i.rank <= ${maxRank} and ${inRange('i.graduate_id', r)}
    group by ${cols}, i.rank`.execute(db);
  return result.rows.map((row) => ({ values: values(row), rank: row.rank, count: row.count }));
}

/** Impressions, distinct graduates and model versions of the range (ranges are disjoint, so these add up). */
export async function rangeTotals(
  db: Db,
  w: AuditWindow,
  r: GraduateRange,
): Promise<{ impressions: number; candidateItems: number; graduates: number; modelVersions: string[] }> {
  const result = await sql<{ impressions: number; candidates: number; graduates: number; versions: string[] | null }>`
    select count(*)::int as impressions, (count(*) filter (where list_kind = 'candidates'))::int as candidates,
      count(distinct graduate_id)::int as graduates,
      array_agg(distinct model_version) as versions
    from impressions where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
      and ${inRange('graduate_id', r)}`.execute(db);
  const row = result.rows[0];
  return {
    impressions: row?.impressions ?? 0,
    candidateItems: row?.candidates ?? 0,
    graduates: row?.graduates ?? 0,
    modelVersions: (row?.versions ?? []).filter((v): v is string => typeof v === 'string'),
  };
}

/** The next `limit` list ids of a kind served in the window after `after`, in order (keyset pages of lists). */
export async function listIdsAfter(
  db: Db,
  w: AuditWindow,
  kind: 'candidates' | 'recommendations',
  after: string | null,
  limit: number,
): Promise<string[]> {
  const result = await sql<{ list_id: string }>`
    select distinct list_id from impressions
    where tenant_id = ${w.tenantId} and list_kind = ${kind} and created_at >= ${w.from} and created_at < ${w.to}
      ${after === null ? sql`` : sql`and list_id > ${after}::uuid`}
    order by list_id limit ${limit}`.execute(db);
  return result.rows.map((row) => row.list_id);
}

/** The categories of each cell column, in order: the 1-based position is the code used by packed reads. */
const CODES: ReadonlyArray<readonly string[]> = AUDIT_ATTRIBUTES.map((a) => ATTRIBUTE_VALUES[a]);
/** 3 bits per column (0 = unknown): the six values of a row in one integer. */
const packed = sql.raw(
  CELL_COLUMNS.map(
    (c, i) =>
      `coalesce(array_position(array[${(CODES[i] ?? []).map((v) => `'${v}'`).join(',')}], d.${c}), 0) * ${8 ** i}`,
  ).join(' + '),
);
const decoded = new Map<number, (string | null)[]>();
function decode(code: number): (string | null)[] {
  let out = decoded.get(code);
  if (!out) {
    out = CODES.map((categories, i) => categories[(Math.floor(code / 8 ** i) % 8) - 1] ?? null);
    decoded.set(code, out);
  }
  return out;
}

/**
 * The items of some candidate lists in (list_id, rank) order with their attribute values, packed into
 * one integer per row in SQL and decoded to shared arrays here: a million rows would otherwise mean six
 * million strings to parse and collect.
 */
export async function candidateListItems(
  db: Db,
  w: AuditWindow,
  listIds: readonly string[],
): Promise<{ listId: string; rank: number; values: (string | null)[] }[]> {
  if (listIds.length === 0) return [];
  // Inlined as an array literal (ids read back from a uuid column, checked here), one plan per batch.
  if (!listIds.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new RangeError('list ids must be UUIDs');
  const ids = sql.raw(`'{${listIds.join(',')}}'::uuid[]`);
  const listed = sql`d.graduate_id in (select graduate_id from impressions where list_id = any(${ids}))`;
  const result = await sql<{ list_id: string; rank: number; code: number }>`
    with ${demoCte(w.tenantId, listed)}
    select i.list_id, i.rank, (${packed})::int as code
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.list_id = any(${ids})
      and i.created_at >= ${w.from} and i.created_at < ${w.to}
    order by i.list_id, i.rank`.execute(db);
  return result.rows.map((r) => ({ listId: r.list_id, rank: r.rank, values: decode(r.code) }));
}
