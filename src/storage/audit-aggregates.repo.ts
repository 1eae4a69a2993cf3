import { sql, type Kysely, type Transaction } from 'kysely';
import type { FunnelCell, ProxyCell, QualityCell, RankCell, SelectionCell } from '../domain/audit-report/types.ts';
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

export const CELL_COLUMNS = ['gender', 'ethnicity', 'hukou_type', 'region_of_origin', 'disability', 'school_tier'] as const;
const cols = sql.raw(CELL_COLUMNS.map((c) => `d.${c}`).join(', '));
type CellRow = Record<(typeof CELL_COLUMNS)[number], string | null>;
const values = (r: CellRow): (string | null)[] => CELL_COLUMNS.map((c) => r[c]);

const known = (column: string, allowed: readonly string[]) =>
  sql.raw(`case when d.${column} in (${allowed.map((v) => `'${v}'`).join(', ')}) then d.${column} end`);

/**
 * Temporary table audit_demo(graduate_id, six attributes): only graduates whose LATEST fairness_audit
 * consent event is granted = true; values outside the known categories ('undisclosed', typos) → null.
 */
export async function prepareConsentedDemographics(db: Db, tenantId: string): Promise<number> {
  await sql`drop table if exists pg_temp.audit_demo`.execute(db);
  await sql`create temp table audit_demo (graduate_id uuid primary key, gender text, ethnicity text, hukou_type text, region_of_origin text, disability text, school_tier text)`.execute(db);
  const inserted = await sql`insert into audit_demo
    select d.graduate_id, ${known('gender', ['female', 'male', 'nonbinary'])}, ${known('ethnicity', ['han', 'minority'])},
      ${known('hukou_type', ['urban', 'rural'])}, ${known('region_of_origin', ['east', 'central', 'west', 'northeast'])},
      ${known('disability', ['yes', 'no'])}, ${known('school_tier', ['985', '211', 'double_first_class', 'other'])}
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
 * Candidate decisions: one per (posting, graduate) pair served in a candidate list in the window; the
 * best rank decides "shown in the top k"; the pair's score is the mean of its servings; the pooled
 * median is percentile_cont(0.5) over all pairs (unknowns included). Exposure sums 1/log2(1 + rank) =
 * ln 2 / ln(1 + rank) over every served impression.
 */
export async function selectionCells(db: Db, w: AuditWindow): Promise<{ cells: SelectionCell[]; sampleMedian: number | null }> {
  const result = await sql<CellRow & { n: number; selected: number; above: number; individuals: number; mean: number; m2: number; impressions: number; exposure: number; relevance: number; median: number | null }>`
    with pairs as (
      select graduate_id, posting_id, min(rank) as best_rank, avg(score) as score, count(*) as impressions,
             sum(ln(2::float8) / ln((1 + rank)::float8)) as exposure, sum(greatest(score, 0)) as relevance
      from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'candidates' and created_at >= ${w.from} and created_at < ${w.to}
      group by graduate_id, posting_id
    ), med as (select percentile_cont(0.5) within group (order by score) as m from pairs)
    select ${cols}, count(*)::int as n, (count(*) filter (where p.best_rank <= ${w.k}))::int as selected,
      (count(*) filter (where p.score > med.m))::int as above, count(distinct p.graduate_id)::int as individuals,
      avg(p.score)::float8 as mean, (coalesce(var_pop(p.score), 0) * count(*))::float8 as m2,
      sum(p.impressions)::float8 as impressions, sum(p.exposure)::float8 as exposure, sum(p.relevance)::float8 as relevance, med.m::float8 as median
    from pairs p cross join med left join audit_demo d on d.graduate_id = p.graduate_id
    group by ${cols}, med.m`.execute(db);
  const cells = result.rows.map((r) => ({
    values: values(r), n: r.n, selected: r.selected, aboveMedian: r.above, individuals: r.individuals,
    score: { n: r.n, mean: Number(r.mean), m2: Number(r.m2) }, impressions: Number(r.impressions), exposureSum: Number(r.exposure), relevanceSum: Number(r.relevance),
  }));
  return { cells, sampleMedian: result.rows[0]?.median ?? null };
}

/** Recommendation quality: per graduate, the mean score of the top-k postings served to them. */
export async function qualityCells(db: Db, w: AuditWindow): Promise<{ cells: QualityCell[]; sampleMedian: number | null }> {
  const result = await sql<CellRow & { n: number; above: number; mean: number; m2: number; median: number | null }>`
    with per_grad as (
      select graduate_id, avg(score) as q from impressions
      where tenant_id = ${w.tenantId} and list_kind = 'recommendations' and created_at >= ${w.from} and created_at < ${w.to} and rank <= ${w.k}
      group by graduate_id
    ), med as (select percentile_cont(0.5) within group (order by q) as m from per_grad)
    select ${cols}, count(*)::int as n, (count(*) filter (where g.q > med.m))::int as above,
      avg(g.q)::float8 as mean, (coalesce(var_pop(g.q), 0) * count(*))::float8 as m2, med.m::float8 as median
    from per_grad g cross join med left join audit_demo d on d.graduate_id = g.graduate_id
    group by ${cols}, med.m`.execute(db);
  return {
    cells: result.rows.map((r) => ({ values: values(r), n: r.n, aboveMedian: r.above, score: { n: r.n, mean: Number(r.mean), m2: Number(r.m2) } })),
    sampleMedian: result.rows[0]?.median ?? null,
  };
}

/** Funnel over shown (graduate, posting) pairs; the furthest recorded stage counts for every stage before it. */
export async function funnelCells(db: Db, w: AuditWindow): Promise<FunnelCell[]> {
  const result = await sql<CellRow & { individuals: number; shown: number; applied: number; interview: number; offer: number; hire: number }>`
    with shown as (
      select distinct graduate_id, posting_id from impressions
      where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
    ), stage as (
      select graduate_id, posting_id,
        max(case type when 'apply' then 1 when 'interview' then 2 when 'offer' then 3 when 'hire' then 4 else 0 end) as s
      from interactions where tenant_id = ${w.tenantId} and occurred_at >= ${w.from}
      group by graduate_id, posting_id
    )
    select ${cols}, count(distinct s.graduate_id)::int as individuals, count(*)::int as shown,
      (count(*) filter (where st.s >= 1))::int as applied, (count(*) filter (where st.s >= 2))::int as interview,
      (count(*) filter (where st.s >= 3))::int as offer, (count(*) filter (where st.s >= 4))::int as hire
    from shown s left join stage st on st.graduate_id = s.graduate_id and st.posting_id = s.posting_id
    left join audit_demo d on d.graduate_id = s.graduate_id
    group by ${cols}`.execute(db);
  return result.rows.map((r) => ({ values: values(r), individuals: r.individuals, shown: r.shown, applied: r.applied, interview: r.interview, offer: r.offer, hire: r.hire }));
}

/**
 * Scoring components × five equal-width bins × attribute values, over served impressions. Accepts
 * both shapes the impression log may hold: an array of {name, value, …} or an object {name: value}.
 */
export async function proxyCells(db: Db, w: AuditWindow): Promise<ProxyCell[]> {
  const result = await sql<CellRow & { component: string; bin: string; count: number }>`
    with comp as (
      select i.graduate_id, c.name, 'b' || least(4, greatest(0, floor(c.value * 5)))::int as bin
      from impressions i cross join lateral (
        select e.key as name, case jsonb_typeof(e.value) when 'number' then (e.value)::float8 when 'object' then (e.value ->> 'value')::float8 end as value
        from jsonb_each(case when jsonb_typeof(i.components) = 'object' then i.components else '{}'::jsonb end) e
        union all
        select x ->> 'name', (x ->> 'value')::float8
        from jsonb_array_elements(case when jsonb_typeof(i.components) = 'array' then i.components else '[]'::jsonb end) x
      ) c
      where i.tenant_id = ${w.tenantId} and i.created_at >= ${w.from} and i.created_at < ${w.to} and c.value is not null and c.name is not null
    )
    select ${cols}, c.name as component, c.bin, count(*)::int as count
    from comp c left join audit_demo d on d.graduate_id = c.graduate_id
    group by ${cols}, c.name, c.bin`.execute(db);
  return result.rows.map((r) => ({ values: values(r), component: r.component, bin: r.bin, count: r.count }));
}

/** Candidate impressions per rank position (up to `maxRank`) and cell. */
export async function rankCells(db: Db, w: AuditWindow, maxRank = 50): Promise<RankCell[]> {
  const result = await sql<CellRow & { rank: number; count: number }>`
    select ${cols}, i.rank, count(*)::int as count
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.created_at >= ${w.from} and i.created_at < ${w.to} and i.rank <= ${maxRank}
    group by ${cols}, i.rank`.execute(db);
  return result.rows.map((r) => ({ values: values(r), rank: r.rank, count: r.count }));
}

export async function windowTotals(db: Db, w: AuditWindow): Promise<{ impressions: number; candidateLists: number; recommendationLists: number; graduates: number; modelVersions: string[] }> {
  const r = await sql<{ impressions: number; candidate_lists: number; recommendation_lists: number; graduates: number; versions: string[] | null }>`
    select count(*)::int as impressions,
      (count(distinct list_id) filter (where list_kind = 'candidates'))::int as candidate_lists,
      (count(distinct list_id) filter (where list_kind = 'recommendations'))::int as recommendation_lists,
      count(distinct graduate_id)::int as graduates, array_agg(distinct model_version) as versions
    from impressions where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}`.execute(db);
  const row = r.rows[0];
  return {
    impressions: row?.impressions ?? 0, candidateLists: row?.candidate_lists ?? 0, recommendationLists: row?.recommendation_lists ?? 0,
    graduates: row?.graduates ?? 0, modelVersions: (row?.versions ?? []).filter((v): v is string => typeof v === 'string').sort(),
  };
}

/**
 * One page of candidate-list items in (list_id, rank) order after `afterList`, with their attribute
 * values. Pages end on a list boundary: the caller keeps the last (possibly cut) list for the next page.
 */
export async function candidateListPage(db: Db, w: AuditWindow, afterList: string | null, limit: number): Promise<{ listId: string; rank: number; values: (string | null)[] }[]> {
  const after = afterList ?? '00000000-0000-0000-0000-000000000000';
  const result = await sql<CellRow & { list_id: string; rank: number }>`
    select i.list_id, i.rank, ${cols}
    from impressions i left join audit_demo d on d.graduate_id = i.graduate_id
    where i.tenant_id = ${w.tenantId} and i.list_kind = 'candidates' and i.list_id > ${after}
      and i.created_at >= ${w.from} and i.created_at < ${w.to}
    order by i.list_id, i.rank limit ${limit}`.execute(db);
  return result.rows.map((r) => ({ listId: r.list_id, rank: r.rank, values: values(r) }));
}
