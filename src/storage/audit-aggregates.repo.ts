import { sql, type Kysely, type Transaction } from 'kysely';
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
 * The audit's reads, all aggregated in SQL into "cells" (one row per combination of attribute values),
 * over one connection that holds a temporary table of the tenant's CONSENTED demographics. Call
 * `prepareConsentedDemographics` first on the same connection (db.connection()).
 */
export interface AuditWindow {
  tenantId: string;
  from: Date;
  to: Date;
  k: number;
}

/** The demographics columns of the audited attributes, in AUDIT_ATTRIBUTES order (a cell's values follow it). */
const CELL_COLUMNS = AUDIT_ATTRIBUTES.map((a) => ATTRIBUTE_COLUMNS[a]);
const cols = sql.raw(CELL_COLUMNS.map((c) => `d.${c}`).join(', '));
type CellRow = Record<(typeof ATTRIBUTE_COLUMNS)[keyof typeof ATTRIBUTE_COLUMNS], string | null>;
const values = (r: CellRow): (string | null)[] => CELL_COLUMNS.map((c) => r[c]);

const known = (column: string, allowed: readonly string[]) =>
  sql.raw(`case when d.${column} in (${allowed.map((v) => `'${v}'`).join(', ')}) then d.${column} end`);

/**
 * Temporary table audit_demo(graduate_id, six attributes): only graduates whose LATEST fairness_audit
 * consent event is granted = true; values outside the known categories ('undisclosed', typos) → null.
 */
export async function prepareConsentedDemographics(db: Db, tenantId: string): Promise<number> {
  await sql`drop table if exists pg_temp.audit_demo`.execute(db);
  await sql`create temp table audit_demo (graduate_id uuid primary key,
    ${sql.raw(CELL_COLUMNS.map((c) => `${c} text`).join(', '))})`.execute(db);
  const inserted = await sql`insert into audit_demo
    select d.graduate_id, ${sql.join(AUDIT_ATTRIBUTES.map((a) => known(ATTRIBUTE_COLUMNS[a], ATTRIBUTE_VALUES[a])))}
    from graduate_demographics d
    join lateral (
      select c.granted from consents c
      where c.graduate_id = d.graduate_id and c.tenant_id = d.tenant_id and c.purpose = 'fairness_audit'
      order by c.created_at desc, c.seq desc limit 1
    ) latest on latest.granted
    where d.tenant_id = ${tenantId}`.execute(db);
  await sql`analyze audit_demo`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

export async function dropConsentedDemographics(db: Db): Promise<void> {
  await sql`drop table if exists pg_temp.audit_demo`.execute(db);
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
): Promise<{ cells: SelectionCell[]; sampleMedian: number | null }> {
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
      median: number | null;
    }
  >`
    with stage as (
      select graduate_id, posting_id from interactions
      where tenant_id = ${w.tenantId} and occurred_at >= ${w.from} and type in ('interview', 'offer', 'hire')
      group by graduate_id, posting_id
    ), pairs as (
      select graduate_id, posting_id, min(rank) as best_rank, avg(score) as score, count(*) as impressions,
             sum(ln(2::float8) / ln((1 + rank)::float8)) as exposure, sum(greatest(score, 0)) as relevance
      from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at
    < ${w.to}
      group by graduate_id, posting_id
    ), med as (select percentile_cont(0.5) within group (order by score) as m from pairs),
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
    relevance,
      (select m from med)::float8 as median
    from celled group by ${sql.raw(CELL_COLUMNS.join(', '))}`.execute(db);
  const cells = result.rows.map((r): SelectionCell => ({
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
  return { cells, sampleMedian: result.rows[0]?.median ?? null };
}

/**
 * The selection decisions of {@link selectionCells} split by posting, the Mantel–Haenszel strata: per
 * (posting, cell) the (posting, graduate) pairs served in a candidate list in the window and those whose
 * best rank was within the top k. Summed over postings they equal the selection cells' n and selected.
 */
export async function postingStrataCells(db: Db, w: AuditWindow): Promise<StratumCell[]> {
  const result = await sql<CellRow & { stratum: string; n: number; selected: number }>`
    with pairs as (
      select graduate_id, posting_id, min(rank) as best_rank from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at < ${w.to}
      group by graduate_id, posting_id
    )
    select ${cols}, p.posting_id::text as stratum, count(*)::int as n,
      (count(*) filter (where p.best_rank <= ${w.k}))::int as selected
    from pairs p left join audit_demo d on d.graduate_id = p.graduate_id
    group by ${cols}, p.posting_id`.execute(db);
  return result.rows.map((r) => ({ values: values(r), stratum: r.stratum, n: r.n, selected: r.selected }));
}

/** Recommendation quality: per graduate, the mean score of the top-k postings served to them. */
export async function qualityCells(
  db: Db,
  w: AuditWindow,
): Promise<{ cells: QualityCell[]; sampleMedian: number | null }> {
  const result = await sql<CellRow & { n: number; above: number; mean: number; m2: number; median: number | null }>`
    with per_grad as (
      select graduate_id, avg(score) as q from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'recommendations' and created_at >= ${w.from} and
    created_at < ${w.to} and rank <= ${w.k}
      group by graduate_id
    ), med as (select percentile_cont(0.5) within group (order by q) as m from per_grad)
    select ${cols}, count(*)::int as n, (count(*) filter (where g.q > med.m))::int as above,
      avg(g.q)::float8 as mean, (coalesce(var_pop(g.q), 0) * count(*))::float8 as m2, med.m::float8 as median
    from per_grad g cross join med left join audit_demo d on d.graduate_id = g.graduate_id
    group by ${cols}, med.m`.execute(db);
  return {
    cells: result.rows.map((r) => ({
      values: values(r),
      n: r.n,
      aboveMedian: r.above,
      score: { n: r.n, mean: Number(r.mean), m2: Number(r.m2) },
    })),
    sampleMedian: result.rows[0]?.median ?? null,
  };
}

/** Funnel over shown (graduate, posting) pairs; the furthest recorded stage counts for every stage before it. */
export async function funnelCells(db: Db, w: AuditWindow): Promise<FunnelCell[]> {
  const result = await sql<
    CellRow & { individuals: number; shown: number; applied: number; interview: number; offer: number; hire: number }
  >`
    with shown as (
      select graduate_id, posting_id from impressions
      where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
      group by graduate_id, posting_id
    ), stage as (
      select graduate_id, posting_id,
        max(case type when 'apply' then 1 when 'interview' then 2 when 'offer' then 3 when 'hire' then 4 else
    0 end) as s
      from interactions where tenant_id = ${w.tenantId} and occurred_at >= ${w.from}
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
 * sample of the table (REPEATABLE, so a rerun on the same data reads the same rows).
 */
export async function proxyCells(db: Db, w: AuditWindow, fraction = 1): Promise<ProxyCell[]> {
  const pick = PROXY_COMPONENTS.map(
    (name, i) =>
      `('${name}', coalesce((i.components ->> '${name}')::float8, case when i.components -> ${i} ` +
      `->> 'name' = '${name}' then (i.components -> ${i} ->> 'value')::float8 end))`,
  ).join(',\n');
  const sample =
    fraction < 1 ? sql.raw(`tablesample bernoulli (${(fraction * 100).toFixed(6)}) repeatable (42)`) : sql.raw('');
  const result = await sql<CellRow & { component: string; bin: number; count: number }>`
    select ${cols}, c.name as component, least(4, greatest(0, floor(c.value * 5)))::int as bin, count(*)::int as count
    from impressions i ${sample}
    cross join lateral (values ${sql.raw(pick)}) c(name, value)
    left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.created_at >= ${w.from} and i.created_at < ${w.to} and c.value is not null
    group by ${cols}, c.name, least(4, greatest(0, floor(c.value * 5)))::int`.execute(db);
  return result.rows.map((r) => ({ values: values(r), component: r.component, bin: `b${r.bin}`, count: r.count }));
}

/** Candidate impressions per rank position (up to `maxRank`) and cell. */
export async function rankCells(db: Db, w: AuditWindow, maxRank = 50): Promise<RankCell[]> {
  const result = await sql<CellRow & { rank: number; count: number }>`
    select ${cols}, i.rank, count(*)::int as count
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.created_at >= ${w.from} and
    i.created_at < ${w.to} and i.rank <= ${maxRank}
    group by ${cols}, i.rank`.execute(db);
  return result.rows.map((r) => ({ values: values(r), rank: r.rank, count: r.count }));
}

export async function windowTotals(
  db: Db,
  w: AuditWindow,
): Promise<{
  impressions: number;
  candidateLists: number;
  recommendationLists: number;
  graduates: number;
  modelVersions: string[];
}> {
  const r = await sql<{
    impressions: number;
    candidate_lists: number;
    recommendation_lists: number;
    graduates: number;
    versions: string[] | null;
  }>`
    select count(*)::int as impressions,
      (count(distinct list_id) filter (where list_kind = 'candidates'))::int as candidate_lists,
      (count(distinct list_id) filter (where list_kind = 'recommendations'))::int as recommendation_lists,
      count(distinct graduate_id)::int as graduates, array_agg(distinct model_version) as versions
    from impressions where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}`.execute(db);
  const row = r.rows[0];
  return {
    impressions: row?.impressions ?? 0,
    candidateLists: row?.candidate_lists ?? 0,
    recommendationLists: row?.recommendation_lists ?? 0,
    graduates: row?.graduates ?? 0,
    modelVersions: (row?.versions ?? []).filter((v): v is string => typeof v === 'string').sort(),
  };
}

/** Every candidate list id served in the window, sorted (a few bytes per list; lists are read in batches). */
export async function candidateListIds(db: Db, w: AuditWindow): Promise<string[]> {
  const result = await sql<{ list_id: string }>`
    select distinct list_id from impressions
    where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at < ${w.to}
    order by list_id`.execute(db);
  return result.rows.map((r) => r.list_id);
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
  const result = await sql<{ list_id: string; rank: number; code: number }>`
    select i.list_id, i.rank, (${packed})::int as code
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.list_id =
    any(${sql.raw(`'{${listIds.join(',')}}'::uuid[]`)})
      and i.created_at >= ${w.from} and i.created_at < ${w.to}
    order by i.list_id, i.rank`.execute(db);
  return result.rows.map((r) => ({ listId: r.list_id, rank: r.rank, values: decode(r.code) }));
}
