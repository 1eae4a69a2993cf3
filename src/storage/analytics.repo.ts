import { sql, type RawBuilder } from 'kysely';
import { CITIES, normalizePlace } from '../domain/geo/cities.ts';
import type { Db } from './db.ts';

/**
 * The analytics reads, every one aggregated in SQL (group by) so no query returns a row per person or
 * per posting: the services receive groups and turn them into cells, blanking small ones. The
 * indexes they use are named in bench/analytics.ts's output.
 */

/**
 * A graduate's cohort entry: the education entry with the latest graduation date (the degree they
 * graduate with), giving major, degree and graduation year.
 */
export const cohort = (tenantId: string) => sql`cohort as (
  select g.id, g.skills, g.preferences, ed.major, ed.degree, ed.year
  from graduates g
  left join lateral (
    select e->>'major' as major, e->>'degree' as degree, substr(e->>'graduationDate', 1, 4) as year
    from jsonb_array_elements(g.education) e order by e->>'graduationDate' desc limit 1
  ) ed on true
  where g.tenant_id = ${tenantId})`;

/** Each graduate's current outcome: the record with the latest date (then the latest written). */
const latest = (tenantId: string) => sql`latest as (
  select distinct on (graduate_id) graduate_id, status from graduate_outcomes
  where tenant_id = ${tenantId} order by graduate_id, as_of desc, created_at desc, id desc)`;

/** Demographics only of graduates whose latest fairness_audit consent is granted (as the audit reads them). */
const consented = (tenantId: string) => sql`consented as (
  select d.graduate_id, d.region_of_origin, d.hukou_type from graduate_demographics d
  join lateral (
    select c.granted from consents c
    where c.graduate_id = d.graduate_id and c.tenant_id = d.tenant_id and c.purpose = 'fairness_audit'
    order by c.created_at desc, c.seq desc limit 1
  ) lc on lc.granted
  where d.tenant_id = ${tenantId})`;

/** Normalised place name → city id and region, as JSON for one bound parameter (see normalizePlace). */
const CITY_MAP = JSON.stringify(
  Object.fromEntries(
    CITIES.flatMap((c) =>
      [c.zh, c.en, c.id].map((k) => [normalizePlace(k), { city: c.id, region: c.region }]),
    ).reverse(),
  ),
);
export const cityMap = sql`city_map as (
  select key, value->>'city' as city, value->>'region' as region from jsonb_each(${CITY_MAP}::jsonb))`;
/**
 * The city map as one jsonb value (`city_lookup`), and a place's entry in it ({city, region}, or null): a lookup in
 * the object instead of a join with `city_map`, which a subquery per row (the summaries' folds) built again for
 * every row.
 */
export const cityLookup = sql`city_lookup as (select ${CITY_MAP}::jsonb as m)`;
export const placeOf = (expr: RawBuilder<unknown>) => sql`((select m from city_lookup) -> ${placeKey(expr)})`;

/** normalizePlace in SQL: NFKC, lower case, no spaces/apostrophes/hyphens/dots, no trailing 市/city/shi. */
export const placeKey = (expr: RawBuilder<unknown>) =>
  sql`regexp_replace(regexp_replace(lower(normalize(${expr}, NFKC)), ${"[[:space:]'’.-]"}, '', 'g'),
    '(市|city|shi)$', '')`;

const rows = async <T>(db: Db, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;

// ---- cohort ----

export interface CohortGroup {
  major: string | null;
  degree: string | null;
  year: string | null;
  n: number;
}

export const cohortGroupsScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<CohortGroup>`with ${cohort(tenantId)}
      select major, degree, year, count(*)::int as n from cohort group by 1, 2, 3`,
  );

export interface OriginGroup {
  region: string | null;
  hukou: string | null;
  n: number;
}

export const consentedOriginGroupsScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OriginGroup>`with ${consented(tenantId)}
      select region_of_origin as region, hukou_type as hukou, count(*)::int as n from consented group by 1, 2`,
  );

/** How many of six profile parts a graduate `g` filled: education, skills, experience, summary, places, languages. */
export const COMPLETENESS_PARTS = sql`((jsonb_array_length(g.education) > 0)::int
  + (jsonb_array_length(g.skills) > 0)::int + (jsonb_array_length(g.experiences) > 0)::int + (g.summary <> '')::int
  + (jsonb_array_length(coalesce(g.preferences->'locations', '[]'::jsonb)) > 0)::int
  + (jsonb_array_length(g.languages) > 0)::int)`;

/** How many of six profile parts each graduate filled: education, skills, experience, summary, places, languages. */
export const completenessHistogramScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<{ parts: number; n: number }>`select ${COMPLETENESS_PARTS} as parts, count(*)::int as n
      from graduates g where tenant_id = ${tenantId} group by 1 order by 1`,
  );

export interface Activity {
  impressions: number;
  lists: number;
  graduates: number;
  personalized: number;
}

/** Recommendation lists served to graduates (list_kind 'recommendations'). */
export async function recommendationActivity(db: Db, tenantId: string): Promise<Activity> {
  const [row] = await rows(
    db,
    sql<Activity>`select count(*)::int as impressions, count(distinct list_id)::int as lists,
        count(distinct graduate_id)::int as graduates, count(*) filter (where personalized)::int as personalized
      from impressions where tenant_id = ${tenantId} and list_kind = 'recommendations'`,
  );
  return row ?? { impressions: 0, lists: 0, graduates: 0, personalized: 0 };
}

export interface FunnelRow {
  type: string;
  events: number;
  graduates: number;
  pairs: number;
}

/**
 * Interactions by type: events, distinct graduates and distinct (graduate, posting) pairs. Three groupings that
 * stream in the order of interactions_tenant_funnel (tenant, type, graduate, posting): pairs, then graduates per
 * type, then types; count(distinct) would sort every pair again.
 */
export const funnelCountsScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<FunnelRow>`with pair as (select type, graduate_id, posting_id, count(*) as events from interactions
        where tenant_id = ${tenantId} group by 1, 2, 3),
      grad as (select type, graduate_id, count(*) as pairs, sum(events) as events from pair group by 1, 2)
      select type, sum(events)::int as events, count(*)::int as graduates, sum(pairs)::int as pairs
      from grad group by type`,
  );

// ---- skills ----
// The *Scan reads compute from the source rows (unnesting jsonb per posting and graduate): the endpoints read
// the same figures from the summaries (skill-summary.repo.ts); tests and bench:analytics compare the two.

export type SkillSupplyBy = 'overall' | 'major' | 'region';
export type SkillDemandBy = 'overall' | 'occupation' | 'region' | 'major';

export interface SupplyRow {
  grp: string | null;
  skill: string;
  declared: number;
  inferred: number;
}

export const skillKey = (s: string) => sql.raw(`coalesce(${s}->>'skillId', lower(${s}->>'name'))`);

/** Graduates holding each skill (declared, inferred), per group; group sizes come from `graduateGroups`. */
export function skillSupplyScan(db: Db, tenantId: string, by: SkillSupplyBy): Promise<SupplyRow[]> {
  if (by === 'region')
    return rows(
      db,
      sql<SupplyRow>`with ${cohort(tenantId)}, ${cityMap}
        select gr.region as grp, ${skillKey('s')} as skill,
          count(distinct c.id) filter (where s->>'source' = 'declared')::int as declared,
          count(distinct c.id) filter (where s->>'source' = 'inferred')::int as inferred
        from cohort c
        cross join lateral (select distinct m.region
          from jsonb_array_elements_text(coalesce(c.preferences->'locations', '[]'::jsonb)) loc
          join city_map m on m.key = ${placeKey(sql`loc`)}) gr
        cross join jsonb_array_elements(c.skills) s group by 1, 2`,
    );
  const grp = by === 'major' ? sql`c.major` : sql`null::text`;
  return rows(
    db,
    sql<SupplyRow>`with ${cohort(tenantId)}
      select ${grp} as grp, ${skillKey('s')} as skill,
        count(distinct c.id) filter (where s->>'source' = 'declared')::int as declared,
        count(distinct c.id) filter (where s->>'source' = 'inferred')::int as inferred
      from cohort c cross join jsonb_array_elements(c.skills) s group by 1, 2`,
  );
}

/** Graduates per group (the denominators of supply shares). */
export function graduateGroupsScan(
  db: Db,
  tenantId: string,
  by: SkillSupplyBy,
): Promise<{ grp: string | null; n: number }[]> {
  if (by === 'region')
    return rows(
      db,
      sql<{ grp: string; n: number }>`with ${cohort(tenantId)}, ${cityMap}
        select m.region as grp, count(distinct c.id)::int as n from cohort c
          cross join jsonb_array_elements_text(coalesce(c.preferences->'locations', '[]'::jsonb)) loc
          join city_map m on m.key = ${placeKey(sql`loc`)} group by 1`,
    );
  const grp = by === 'major' ? sql`major` : sql`null::text`;
  return rows(
    db,
    sql<{
      grp: string | null;
      n: number;
    }>`with ${cohort(tenantId)} select ${grp} as grp, count(*)::int as n from cohort group by 1`,
  );
}

export interface DemandRow {
  grp: string | null;
  skill: string;
  required: number;
  preferred: number;
  requiredHeadcount: number;
  preferredHeadcount: number;
}

/**
 * The group(s) of an open posting `p`, as a lateral subquery: its occupation, each region it is offered
 * in, each accepted major ('*' for "any major"), or one overall group. Lateral, so no query joins two
 * derived row sets on the posting id (the planner, blind to their sizes, nested-looped such joins).
 */
const postingGroups = (by: SkillDemandBy | 'city') => {
  switch (by) {
    case 'occupation':
      return sql`select coalesce(p.occupation, '') as grp`;
    case 'region':
      return sql`select distinct m.region as grp from unnest(p.locations) loc
        join city_map m on m.key = ${placeKey(sql`loc`)}`;
    case 'city':
      return sql`select distinct coalesce(m.city, loc) as grp from unnest(p.locations) loc
        left join city_map m on m.key = ${placeKey(sql`loc`)}`;
    case 'major':
      return sql`select am as grp from jsonb_array_elements_text(
        case when jsonb_array_length(p.accepted_majors) = 0 then '["*"]'::jsonb else p.accepted_majors end) am`;
    default:
      return sql`select null::text as grp`;
  }
};

const openPostings = (tenantId: string) => sql`open_postings as (
  select id, occupation, locations, accepted_majors, headcount, required_skills, preferred_skills
  from job_postings where tenant_id = ${tenantId} and status = 'open')`;

/** Open postings requiring and preferring each skill, and their headcount, per group. */
export const skillDemandScan = (db: Db, tenantId: string, by: SkillDemandBy) =>
  rows(
    db,
    sql<DemandRow>`with ${openPostings(tenantId)}, ${cityMap},
      ps as (
        select p.id, p.headcount, pg.grp, ${skillKey('s')} as skill, true as req
          from open_postings p cross join lateral (${postingGroups(by)}) pg
          cross join jsonb_array_elements(p.required_skills) s
        union all
        select p.id, p.headcount, pg.grp, ${skillKey('s')}, false
          from open_postings p cross join lateral (${postingGroups(by)}) pg
          cross join jsonb_array_elements(p.preferred_skills) s)
      select grp, skill,
        count(distinct id) filter (where req)::int as required,
        count(distinct id) filter (where not req)::int as preferred,
        coalesce(sum(headcount) filter (where req), 0)::int as "requiredHeadcount",
        coalesce(sum(headcount) filter (where not req), 0)::int as "preferredHeadcount"
      from ps group by 1, 2`,
  );

export interface DemandTotal {
  grp: string | null;
  postings: number;
  headcount: number;
}

/** Open postings and their headcount per group. */
export const openDemandScan = (db: Db, tenantId: string, by: SkillDemandBy | 'city') =>
  rows(
    db,
    sql<DemandTotal>`with ${openPostings(tenantId)}, ${cityMap}
      select pg.grp, count(*)::int as postings, coalesce(sum(p.headcount), 0)::int as headcount
      from open_postings p cross join lateral (${postingGroups(by)}) pg group by 1`,
  );

// ---- supply and demand ----

/** Placed statuses, as SQL (PLACED_STATUSES in the outcome model). */
const NOT_SEEKING = sql`l.status is not null and l.status <> 'not_placed'`;

/**
 * Graduates still seeking (no outcome yet, or not_placed) per group: each region or city they would
 * work in ('*' when they named none), or their major.
 */
export function seekingGraduatesScan(
  db: Db,
  tenantId: string,
  by: 'region' | 'city' | 'major',
): Promise<{ grp: string | null; n: number }[]> {
  const base = sql`${cohort(tenantId)}, ${latest(tenantId)}, ${cityMap},
    seeking as (select c.* from cohort c left join latest l on l.graduate_id = c.id where not (${NOT_SEEKING}))`;
  if (by === 'major')
    return rows(
      db,
      sql<{
        grp: string | null;
        n: number;
      }>`with ${base} select major as grp, count(*)::int as n from seeking group by 1`,
    );
  const place = by === 'region' ? sql`m.region` : sql`coalesce(m.city, loc)`;
  return rows(
    db,
    sql<{ grp: string | null; n: number }>`with ${base}
      select grp, count(distinct id)::int as n from (
        select s.id, case when jsonb_array_length(coalesce(s.preferences->'locations', '[]'::jsonb)) = 0 then '*'
          else ${place} end as grp
        from seeking s
        left join lateral jsonb_array_elements_text(coalesce(s.preferences->'locations', '[]'::jsonb)) loc on true
        left join city_map m on m.key = ${placeKey(sql`loc`)}
      ) t where grp is not null group by 1`,
  );
}

export interface OriginOutcome {
  region: string | null;
  hukou: string | null;
  /** null: no outcome recorded yet. */
  status: string | null;
  n: number;
}

/** Current outcomes of consented graduates by region of origin and hukou type. */
export const originOutcomesScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OriginOutcome>`with ${consented(tenantId)}, ${latest(tenantId)}
      select d.region_of_origin as region, d.hukou_type as hukou, l.status, count(*)::int as n
      from consented d left join latest l on l.graduate_id = d.graduate_id group by 1, 2, 3`,
  );

// ---- outcomes ----

export interface OutcomeGroup {
  year: string | null;
  major: string | null;
  degree: string | null;
  status: string | null;
  n: number;
}

/** Every graduate's current outcome (null: none recorded) by graduation year, major and degree. */
export const outcomeGroupsScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OutcomeGroup>`with ${cohort(tenantId)}, ${latest(tenantId)}
      select c.year, c.major, c.degree, l.status, count(*)::int as n
      from cohort c left join latest l on l.graduate_id = c.id group by 1, 2, 3, 4`,
  );

/** Consented graduates' current outcomes by graduation year and region of origin. */
export const outcomeOriginGroupsScan = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<{ year: string | null; region: string | null; status: string | null; n: number }>`with ${cohort(tenantId)},
      ${latest(tenantId)}, ${consented(tenantId)}
      select c.year, d.region_of_origin as region, l.status, count(*)::int as n
      from consented d join cohort c on c.id = d.graduate_id left join latest l on l.graduate_id = d.graduate_id
      group by 1, 2, 3`,
  );

// ---- forecasts ----

export interface MonthlyRow {
  month: string;
  grp: string | null;
  postings: number;
  headcount: number;
}

/**
 * Postings opened per month (opens_at, else the day they were created) and group, from `from` (a first
 * of the month) up to but not including `to`. Drafts never reached anyone and are left out. A posting
 * counts once, in the region of its first location.
 */
export const monthlyOpeningsScan = (db: Db, tenantId: string, by: 'occupation' | 'region', from: string, to: string) =>
  rows(
    db,
    sql<MonthlyRow>`with ${cityMap},
      p as (select coalesce(opens_at, created_at::date) as opened, occupation, locations[1] as first_city,
      headcount
        from job_postings where tenant_id = ${tenantId} and status <> 'draft'
          and coalesce(opens_at, created_at::date) >= ${from}::date and coalesce(opens_at, created_at::date) <
      ${to}::date)
      select to_char(p.opened, 'YYYY-MM') as month,
        ${by === 'occupation' ? sql`coalesce(p.occupation, '')` : sql`m.region`} as grp,
        count(*)::int as postings, coalesce(sum(p.headcount), 0)::int as headcount
      from p left join city_map m on m.key = ${placeKey(sql`p.first_city`)} group by 1, 2`,
  );

/** The first of the month a posting `p` opened in (opens_at, else the day it was created). */
export const monthOpened = (p: RawBuilder<unknown>) =>
  sql`make_date(extract(year from coalesce(${p}.opens_at, ${p}.created_at::date))::int,
    extract(month from coalesce(${p}.opens_at, ${p}.created_at::date))::int, 1)`;

// ---- the same reads from the facts (sql/20261207_0100_analytics_facts.sql) ----
// analytics_graduate_facts holds one narrow row per graduate and analytics_openings the openings per month,
// occupation and region, both kept in step by refreshSkillSummary (skill-summary.repo.ts), which the services
// call first. Each read below returns what the *Scan of the same name computes from the source rows;
// test/integration/analytics-facts.test.ts compares them.

const facts = (tenantId: string) => sql`analytics_graduate_facts f where f.tenant_id = ${tenantId}`;
/** Seeking: no outcome yet, or not_placed (NOT_SEEKING over the facts' status). */
const SEEKING = sql`not (f.status is not null and f.status <> 'not_placed')`;

export const cohortGroups = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<CohortGroup>`select f.major, f.degree, f.year, count(*)::int as n from ${facts(tenantId)} group by 1, 2, 3`,
  );

export const consentedOriginGroups = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OriginGroup>`select f.origin_region as region, f.hukou, count(*)::int as n from ${facts(tenantId)}
      and f.consented group by 1, 2`,
  );

export const completenessHistogram = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<{ parts: number; n: number }>`select f.parts, count(*)::int as n from ${facts(tenantId)} group by 1 order by 1`,
  );

export function seekingGraduates(
  db: Db,
  tenantId: string,
  by: 'region' | 'city' | 'major',
): Promise<{ grp: string | null; n: number }[]> {
  if (by === 'major')
    return rows(
      db,
      sql<{ grp: string | null; n: number }>`select f.major as grp, count(*)::int as n from ${facts(tenantId)}
        and ${SEEKING} group by 1`,
    );
  const places = by === 'region' ? sql`f.regions` : sql`f.cities`;
  return rows(
    db,
    sql<{ grp: string | null; n: number }>`select grp, count(*)::int as n from analytics_graduate_facts f
      cross join lateral unnest(case when f.places then ${places} else array['*'] end) grp
      where f.tenant_id = ${tenantId} and ${SEEKING} and grp is not null group by 1`,
  );
}

export const originOutcomes = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OriginOutcome>`select f.origin_region as region, f.hukou, f.status, count(*)::int as n
      from ${facts(tenantId)} and f.consented group by 1, 2, 3`,
  );

export const outcomeGroups = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<OutcomeGroup>`select f.year, f.major, f.degree, f.status, count(*)::int as n from ${facts(tenantId)}
      group by 1, 2, 3, 4`,
  );

export const outcomeOriginGroups = (db: Db, tenantId: string) =>
  rows(
    db,
    sql<{ year: string | null; region: string | null; status: string | null; n: number }>`select f.year,
      f.origin_region as region, f.status, count(*)::int as n from ${facts(tenantId)} and f.consented
      group by 1, 2, 3`,
  );

/** As monthlyOpeningsScan; `from` and `to` are firsts of months (the summary counts whole months). */
export function monthlyOpenings(
  db: Db,
  tenantId: string,
  by: 'occupation' | 'region',
  from: string,
  to: string,
): Promise<MonthlyRow[]> {
  if (!from.endsWith('-01') || !to.endsWith('-01')) throw new Error('monthlyOpenings counts whole months');
  return rows(
    db,
    sql<MonthlyRow>`select to_char(month, 'YYYY-MM') as month,
        ${by === 'occupation' ? sql`occupation` : sql`region`} as grp,
        sum(postings)::int as postings, sum(headcount)::int as headcount
      from analytics_openings where tenant_id = ${tenantId} and month >= ${from}::date and month < ${to}::date
      group by 1, 2`,
  );
}

/** As funnelCountsScan, from the funnel summary (analytics_funnel). */
export const funnelCounts = (db: Db, tenantId: string) =>
  rows(db, sql<FunnelRow>`select type, events, graduates, pairs from analytics_funnel where tenant_id = ${tenantId}`);
