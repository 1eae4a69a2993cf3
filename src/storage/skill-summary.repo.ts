import { sql, type RawBuilder } from 'kysely';
import {
  cityLookup,
  COMPLETENESS_PARTS,
  monthOpened,
  placeOf,
  skillKey,
  type DemandRow,
  type DemandTotal,
  type SkillDemandBy,
  type SkillSupplyBy,
  type SupplyRow,
} from './analytics.repo.ts';
import type { Db } from './db.ts';

/**
 * The skill summaries (sql/20261206_2130_skill_summary.sql): per tenant, the sums GET /v1/analytics/skills
 * and the open-posting totals of supply-and-demand read, kept in step by `refreshSkillSummary`, which
 * folds in the postings and graduates the triggers logged as changed since the last refresh. Each changed
 * row's previous share (its facts row) is subtracted and its new share added, so a refresh costs what
 * changed, not the tenant's size. Figures equal the scans in analytics.repo.ts (skillSupplyScan, …).
 */

/** One refresh of a tenant at a time: a refresh reads the facts the previous one wrote. */
const lockTenant = (db: Db, tenantId: string) =>
  sql`select pg_advisory_xact_lock(hashtextextended(${`analytics-skills:${tenantId}`}, 0))`.execute(db);

/** Posting shares: `d` (sign, posting_id, headcount, occupation, regions, cities, majors, required, preferred). */
const postingDelta = (tenantId: string) => sql`
  dg as (select d.sign, d.posting_id, d.headcount, k.kind, k.grp, d.required, d.preferred from d
    cross join lateral (select 'overall'::text as kind, null::text as grp
      union all select 'occupation', d.occupation
      union all select 'region', r from unnest(d.regions) r
      union all select 'city', c from unnest(d.cities) c
      union all select 'major', m from unnest(d.majors) m) k),
  groups_up as (insert into analytics_demand_groups (tenant_id, kind, grp, postings, headcount)
    select ${tenantId}, kind, grp, sum(sign)::int, sum(sign * headcount)::int from dg group by kind, grp
    on conflict (tenant_id, kind, grp) do update set postings = analytics_demand_groups.postings + excluded.postings,
      headcount = analytics_demand_groups.headcount + excluded.headcount),
  -- A skill listed twice counts the posting once and its headcount twice, as the scan does.
  ps as (select sign, posting_id, headcount, kind, grp, skill, req, count(*) as times from (
      select dg.*, s as skill, true as req from dg cross join unnest(dg.required) s where kind <> 'city'
      union all
      select dg.*, s, false from dg cross join unnest(dg.preferred) s where kind <> 'city') x
    group by 1, 2, 3, 4, 5, 6, 7),
  skills_up as (insert into analytics_demand_skills
      (tenant_id, kind, grp, skill, required, preferred, required_headcount, preferred_headcount)
    select ${tenantId}, kind, grp, skill, coalesce(sum(sign) filter (where req), 0)::int,
      coalesce(sum(sign) filter (where not req), 0)::int,
      coalesce(sum(sign * headcount * times) filter (where req), 0)::int,
      coalesce(sum(sign * headcount * times) filter (where not req), 0)::int
    from ps group by kind, grp, skill
    on conflict (tenant_id, kind, grp, skill) do update
      set required = analytics_demand_skills.required + excluded.required,
        preferred = analytics_demand_skills.preferred + excluded.preferred,
        required_headcount = analytics_demand_skills.required_headcount + excluded.required_headcount,
        preferred_headcount = analytics_demand_skills.preferred_headcount + excluded.preferred_headcount)`;

/** Graduate shares: `d` (sign, graduate_id, major, regions, declared, inferred). */
const graduateDelta = (tenantId: string) => sql`
  dg as (select d.sign, d.graduate_id, k.kind, k.grp, d.declared, d.inferred from d
    cross join lateral (select 'overall'::text as kind, null::text as grp
      union all select 'major', d.major
      union all select 'region', r from unnest(d.regions) r) k),
  groups_up as (insert into analytics_supply_groups (tenant_id, kind, grp, graduates)
    select ${tenantId}, kind, grp, sum(sign)::int from dg group by kind, grp
    on conflict (tenant_id, kind, grp) do update
      set graduates = analytics_supply_groups.graduates + excluded.graduates),
  gs as (select dg.sign, dg.kind, dg.grp, s as skill, true as declared from dg cross join unnest(dg.declared) s
    union all select dg.sign, dg.kind, dg.grp, s, false from dg cross join unnest(dg.inferred) s),
  skills_up as (insert into analytics_supply_skills (tenant_id, kind, grp, skill, declared, inferred)
    select ${tenantId}, kind, grp, skill, coalesce(sum(sign) filter (where declared), 0)::int,
      coalesce(sum(sign) filter (where not declared), 0)::int
    from gs group by kind, grp, skill
    on conflict (tenant_id, kind, grp, skill) do update
      set declared = analytics_supply_skills.declared + excluded.declared,
        inferred = analytics_supply_skills.inferred + excluded.inferred)`;

/**
 * The month a non-draft posting opened (opens_at, else the day it was created), its occupation and the region of its
 * first city, summed per month, occupation and region (analytics.repo's monthlyOpenings scan reads the same).
 */
const openingDelta = (tenantId: string) => sql`
  o_old as (select * from analytics_opening_facts where posting_id in (select posting_id from claimed)),
  o_fresh as (select p.id as posting_id, p.tenant_id, ${monthOpened(sql`p`)} as month,
      coalesce(p.occupation, '') as occupation, ${placeOf(sql`p.locations[1]`)}->>'region' as region, p.headcount
    from job_postings p
    where p.tenant_id = ${tenantId} and p.status <> 'draft' and p.id in (select posting_id from claimed)),
  o_facts_up as (insert into analytics_opening_facts (posting_id, tenant_id, month, occupation, region, headcount)
    select posting_id, tenant_id, month, occupation, region, headcount from o_fresh
    on conflict (posting_id) do update set month = excluded.month, occupation = excluded.occupation,
      region = excluded.region, headcount = excluded.headcount),
  o_facts_down as (delete from analytics_opening_facts where posting_id in (select posting_id from o_old)
    and posting_id not in (select posting_id from o_fresh)),
  od as (select 1 as sign, month, occupation, region, headcount from o_fresh
    union all select -1, month, occupation, region, headcount from o_old),
  openings_up as (insert into analytics_openings (tenant_id, month, occupation, region, postings, headcount)
    select ${tenantId}, month, occupation, region, sum(sign)::int, sum(sign * headcount)::int from od
    group by month, occupation, region
    on conflict (tenant_id, month, occupation, region) do update
      set postings = analytics_openings.postings + excluded.postings,
        headcount = analytics_openings.headcount + excluded.headcount)`;

/** Folds the logged posting changes in: `claimed` is the change rows taken. Returns how many. */
async function foldPostings(db: Db, tenantId: string, claimed: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number }>`with claimed as (${claimed}), ${cityLookup},
    old as (select * from analytics_posting_facts where posting_id in (select posting_id from claimed)),
    fresh as (select p.id as posting_id, p.tenant_id, p.headcount, coalesce(p.occupation, '') as occupation,
        array(select distinct r from (select ${placeOf(sql`loc`)}->>'region' as r from unnest(p.locations) loc) x
          where r is not null) as regions,
        array(select distinct coalesce(${placeOf(sql`loc`)}->>'city', loc) from unnest(p.locations) loc) as cities,
        array(select jsonb_array_elements_text(case when jsonb_array_length(p.accepted_majors) = 0
          then '["*"]'::jsonb else p.accepted_majors end)) as majors,
        array(select ${skillKey('s')} from jsonb_array_elements(p.required_skills) s) as required,
        array(select ${skillKey('s')} from jsonb_array_elements(p.preferred_skills) s) as preferred
      from job_postings p
      where p.tenant_id = ${tenantId} and p.status = 'open' and p.id in (select posting_id from claimed)),
    facts_up as (insert into analytics_posting_facts select * from fresh on conflict (posting_id) do update
      set headcount = excluded.headcount, occupation = excluded.occupation, regions = excluded.regions,
        cities = excluded.cities, majors = excluded.majors, required = excluded.required,
        preferred = excluded.preferred),
    facts_down as (delete from analytics_posting_facts where posting_id in (select posting_id from old)
      and posting_id not in (select posting_id from fresh)),
    -- Only postings whose share changed (a posting edited in its description changes none of it).
    same as (select f.posting_id from fresh f join old o on o.posting_id = f.posting_id
      and o.headcount = f.headcount and o.occupation = f.occupation and o.regions = f.regions
      and o.cities = f.cities and o.majors = f.majors and o.required = f.required and o.preferred = f.preferred),
    d as (select 1 as sign, posting_id, headcount, occupation, regions, cities, majors, required, preferred from fresh
        where posting_id not in (select posting_id from same)
      union all select -1, posting_id, headcount, occupation, regions, cities, majors, required, preferred from old
        where posting_id not in (select posting_id from same)),
    ${postingDelta(tenantId)},
    ${openingDelta(tenantId)}
    select count(*)::int as n from claimed`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * A graduate's facts as analytics.repo's scans read them: the cohort entry (major, degree and year of the education
 * entry with the latest graduation date), profile parts filled, the regions and cities they would work in, skill
 * keys, the current outcome, and region of origin and hukou type only while their latest fairness_audit consent is
 * granted.
 */
const graduateFacts = (tenantId: string) => sql`select g.id as graduate_id, g.tenant_id, ed.major,
    array(select distinct r from (select ${placeOf(sql`loc`)}->>'region' as r
      from jsonb_array_elements_text(coalesce(g.preferences->'locations', '[]'::jsonb)) loc) x
      where r is not null) as regions,
    array(select distinct ${skillKey('s')} from jsonb_array_elements(g.skills) s
      where s->>'source' = 'declared') as declared,
    array(select distinct ${skillKey('s')} from jsonb_array_elements(g.skills) s
      where s->>'source' = 'inferred') as inferred,
    ed.degree, ed.year, ${COMPLETENESS_PARTS} as parts,
    array(select distinct coalesce(${placeOf(sql`loc`)}->>'city', loc)
      from jsonb_array_elements_text(coalesce(g.preferences->'locations', '[]'::jsonb)) loc) as cities,
    jsonb_array_length(coalesce(g.preferences->'locations', '[]'::jsonb)) > 0 as places,
    lo.status,
    case when lc.granted then dm.region_of_origin end as origin_region,
    case when lc.granted then dm.hukou_type end as hukou,
    coalesce(lc.granted, false) as consented
  from graduates g
  left join lateral (select e->>'major' as major, e->>'degree' as degree, substr(e->>'graduationDate', 1, 4) as year
    from jsonb_array_elements(g.education) e order by e->>'graduationDate' desc limit 1) ed on true
  left join lateral (select o.status from graduate_outcomes o where o.tenant_id = g.tenant_id and o.graduate_id = g.id
    order by o.as_of desc, o.created_at desc, o.id desc limit 1) lo on true
  left join graduate_demographics dm on dm.graduate_id = g.id and dm.tenant_id = g.tenant_id
  left join lateral (select c.granted from consents c
    where dm.graduate_id is not null and c.graduate_id = g.id and c.tenant_id = g.tenant_id
      and c.purpose = 'fairness_audit'
    order by c.created_at desc, c.seq desc limit 1) lc on true
  where g.tenant_id = ${tenantId}`;

const GRADUATE_FACT_COLUMNS = sql.raw(`graduate_id, tenant_id, major, regions, declared, inferred, degree, year, parts,
  cities, places, status, origin_region, hukou, consented`);

/** Folds the logged graduate changes in. */
async function foldGraduates(db: Db, tenantId: string, claimed: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number }>`with claimed as (${claimed}), ${cityLookup},
    old as (select * from analytics_graduate_facts where graduate_id in (select graduate_id from claimed)),
    fresh as (${graduateFacts(tenantId)} and g.id in (select graduate_id from claimed)),
    facts_up as (insert into analytics_graduate_facts (${GRADUATE_FACT_COLUMNS})
      select ${GRADUATE_FACT_COLUMNS} from fresh on conflict (graduate_id) do update
      set major = excluded.major, regions = excluded.regions, declared = excluded.declared,
        inferred = excluded.inferred, degree = excluded.degree, year = excluded.year, parts = excluded.parts,
        cities = excluded.cities, places = excluded.places, status = excluded.status,
        origin_region = excluded.origin_region, hukou = excluded.hukou, consented = excluded.consented),
    facts_down as (delete from analytics_graduate_facts where graduate_id in (select graduate_id from old)
      and graduate_id not in (select graduate_id from fresh)),
    -- Only graduates whose share of the skill summaries changed (an outcome or a consent changes none of it).
    same as (select f.graduate_id from fresh f join old o on o.graduate_id = f.graduate_id
      and o.major is not distinct from f.major and o.regions = f.regions and o.declared = f.declared
      and o.inferred = f.inferred),
    d as (select 1 as sign, graduate_id, major, regions, declared, inferred from fresh
        where graduate_id not in (select graduate_id from same)
      union all select -1, graduate_id, major, regions, declared, inferred from old
        where graduate_id not in (select graduate_id from same)),
    ${graduateDelta(tenantId)}
    select count(*)::int as n from claimed`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Folds the logged interaction changes into the funnel: events per (type, graduate, posting) pair, and per type the
 * events, the pairs with any event and the graduates with any pair (each counted by the moves across zero, against
 * the pairs as they stood before this statement). Returns how many change rows it took.
 */
async function foldFunnel(db: Db, tenantId: string, limit?: number): Promise<number> {
  const which =
    limit === undefined
      ? sql`tenant_id = ${tenantId}`
      : sql`seq in (select seq from analytics_interaction_changes where tenant_id = ${tenantId} order by seq
          limit ${limit})`;
  const r = await sql<{ n: number }>`with
    claimed as (delete from analytics_interaction_changes where ${which}
      returning type, graduate_id, posting_id, delta),
    ch as (select type, graduate_id, posting_id, sum(delta)::int as delta from claimed group by 1, 2, 3),
    pr as (select ch.type, ch.graduate_id, ch.posting_id, coalesce(p.events, 0) as before,
        coalesce(p.events, 0) + ch.delta as after
      from ch left join analytics_funnel_pairs p on p.tenant_id = ${tenantId} and p.type = ch.type
        and p.graduate_id = ch.graduate_id and p.posting_id = ch.posting_id
      where ch.delta <> 0),
    pairs_up as (insert into analytics_funnel_pairs (tenant_id, type, graduate_id, posting_id, events)
      select ${tenantId}, type, graduate_id, posting_id, after from pr where after > 0
      on conflict (tenant_id, type, graduate_id, posting_id) do update set events = excluded.events),
    pairs_down as (delete from analytics_funnel_pairs p using pr where p.tenant_id = ${tenantId} and p.type = pr.type
      and p.graduate_id = pr.graduate_id and p.posting_id = pr.posting_id and pr.after <= 0),
    gt as (select type, graduate_id, sum(after - before) as events,
        sum(case when before = 0 and after > 0 then 1 when before > 0 and after <= 0 then -1 else 0 end) as pairs
      from pr group by 1, 2),
    gc as (select gt.*, (select count(*) from analytics_funnel_pairs p where p.tenant_id = ${tenantId}
        and p.type = gt.type and p.graduate_id = gt.graduate_id) as had from gt),
    tt as (select type, sum(events)::int as events, sum(pairs)::int as pairs,
        sum(case when had = 0 and had + pairs > 0 then 1 when had > 0 and had + pairs = 0 then -1 else 0 end)::int
          as graduates
      from gc group by type),
    funnel_up as (insert into analytics_funnel (tenant_id, type, events, graduates, pairs)
      select ${tenantId}, type, events, graduates, pairs from tt
      on conflict (tenant_id, type) do update set events = analytics_funnel.events + excluded.events,
        graduates = analytics_funnel.graduates + excluded.graduates, pairs = analytics_funnel.pairs + excluded.pairs)
    select count(*)::int as n from claimed`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Drops the tenant's summary rows that no longer count anything (a group or skill whose last row left). */
async function dropEmpty(db: Db, tenantId: string): Promise<void> {
  await sql`delete from analytics_demand_groups where tenant_id = ${tenantId}
    and postings = 0 and headcount = 0`.execute(db);
  await sql`delete from analytics_demand_skills where tenant_id = ${tenantId} and required = 0 and preferred = 0
    and required_headcount = 0 and preferred_headcount = 0`.execute(db);
  await sql`delete from analytics_supply_groups where tenant_id = ${tenantId} and graduates = 0`.execute(db);
  await sql`delete from analytics_funnel where tenant_id = ${tenantId}
    and events = 0 and graduates = 0 and pairs = 0`.execute(db);
  await sql`delete from analytics_openings where tenant_id = ${tenantId}
    and postings = 0 and headcount = 0`.execute(db);
  await sql`delete from analytics_supply_skills where tenant_id = ${tenantId}
    and declared = 0 and inferred = 0`.execute(db);
}

const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

/**
 * Change rows folded per transaction. Folding the 2,648 postings of a fresh demo in one statement held PGlite's
 * one thread 3.4 s (load average 12; 11.6 s at 20), and a request for 2,000 new postings' analytics would as well;
 * a batch of 250 is about 0.3 s there.
 */
export const FOLD_BATCH = { postings: 250, graduates: 250, interactions: 2_000 } as const;

/**
 * Brings the tenant's skill summaries up to date with every committed write (the change log is read under
 * a per-tenant lock). Cheap when nothing changed: two index probes. Folds in batches (FOLD_BATCH), each its own
 * transaction with `between` awaited after it, so a large backlog gives the database and the event loop back to
 * other work between batches (summed shares do not depend on how the changes are grouped).
 */
export async function refreshSkillSummary(
  db: Db,
  tenantId: string,
  between: () => Promise<void> = async () => {},
  /** Change rows per batch (tests set small ones). */
  batch: { postings: number; graduates: number; interactions: number } = FOLD_BATCH,
): Promise<{ postings: number; graduates: number; interactions: number }> {
  const pending = await sql<{ p: boolean; g: boolean; i: boolean }>`select
      exists (select 1 from analytics_posting_changes where tenant_id = ${tenantId}) as p,
      exists (select 1 from analytics_graduate_changes where tenant_id = ${tenantId}) as g,
      exists (select 1 from analytics_interaction_changes where tenant_id = ${tenantId}) as i`.execute(db);
  const { p, g, i } = pending.rows[0] ?? { p: false, g: false, i: false };
  if (!p && !g && !i) return { postings: 0, graduates: 0, interactions: 0 };
  const folded = { postings: 0, graduates: 0, interactions: 0 };
  for (;;) {
    const done = await inTransaction(db, async (trx) => {
      await lockTenant(trx, tenantId);
      const postings = await foldPostings(
        trx,
        tenantId,
        sql`delete from analytics_posting_changes where posting_id in (select posting_id from analytics_posting_changes
          where tenant_id = ${tenantId} limit ${batch.postings}) returning posting_id`,
      );
      const graduates = await foldGraduates(
        trx,
        tenantId,
        sql`delete from analytics_graduate_changes where graduate_id in (select graduate_id
          from analytics_graduate_changes where tenant_id = ${tenantId} limit ${batch.graduates})
          returning graduate_id`,
      );
      const interactions = await foldFunnel(trx, tenantId, batch.interactions);
      if (postings + graduates + interactions > 0) await dropEmpty(trx, tenantId);
      return { postings, graduates, interactions };
    });
    folded.postings += done.postings;
    folded.graduates += done.graduates;
    folded.interactions += done.interactions;
    if (done.postings < batch.postings && done.graduates < batch.graduates && done.interactions < batch.interactions)
      break;
    await between();
  }
  // After a bulk load or a large import the planner's statistics of the facts and summaries are those of much
  // smaller tables; a fold of that size is rare, so gather them again at once (the facts and summaries only: the
  // source tables took 15 s at full size and are left to autovacuum).
  if (!db.isTransaction && folded.postings >= ANALYZE_AFTER)
    await sql`analyze analytics_posting_facts, analytics_opening_facts, analytics_openings, analytics_demand_groups,
      analytics_demand_skills`.execute(db);
  if (!db.isTransaction && folded.graduates >= ANALYZE_AFTER)
    await sql`analyze analytics_graduate_facts, analytics_supply_groups, analytics_supply_skills`.execute(db);
  return folded;
}

/** Rows folded at once from which the statistics are gathered again. */
const ANALYZE_AFTER = 5000;

/**
 * Subtracts a deleted graduate's share and deletes their facts row and change mark at once (erasure keeps no
 * row naming them). Call in the erasure's transaction after their profile row is deleted.
 */
export async function eraseGraduateSummary(db: Db, tenantId: string, graduateId: string): Promise<void> {
  await lockTenant(db, tenantId);
  await foldGraduates(
    db,
    tenantId,
    sql`delete from analytics_graduate_changes where tenant_id = ${tenantId} and graduate_id = ${graduateId}
      returning graduate_id`,
  );
  // The erasure's pseudonym replaced the graduate's id in their interactions: their funnel pairs move to it now.
  await foldFunnel(db, tenantId);
  await dropEmpty(db, tenantId);
}

const rows = async <T>(db: Db, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;

/** `grp` among `groups` (null among them matches the null group); every group when `groups` is undefined. */
function amongGroups(groups: readonly (string | null)[] | undefined) {
  if (groups === undefined) return sql`true`;
  const named = groups.filter((g): g is string => g !== null);
  return sql`(grp = any(${named}::text[]) or (${groups.includes(null)} and grp is null))`;
}

/** Graduates holding each skill (declared, inferred), per group (of `groups` only, when given). */
export const summarySupply = (db: Db, tenantId: string, by: SkillSupplyBy, groups?: readonly (string | null)[]) =>
  rows(
    db,
    sql<SupplyRow>`select grp, skill, declared, inferred from analytics_supply_skills
      where tenant_id = ${tenantId} and kind = ${by} and ${amongGroups(groups)}`,
  );

/** Graduates per group (the denominators of supply shares). */
export const summaryGraduateGroups = (db: Db, tenantId: string, by: SkillSupplyBy) =>
  rows(
    db,
    sql<{ grp: string | null; n: number }>`select grp, graduates as n from analytics_supply_groups
      where tenant_id = ${tenantId} and kind = ${by}`,
  );

/** Open postings requiring and preferring each skill, and their headcount, per group (of `groups`, when given). */
export const summaryDemand = (db: Db, tenantId: string, by: SkillDemandBy, groups?: readonly (string | null)[]) =>
  rows(
    db,
    sql<DemandRow>`select grp, skill, required, preferred, required_headcount as "requiredHeadcount",
        preferred_headcount as "preferredHeadcount"
      from analytics_demand_skills where tenant_id = ${tenantId} and kind = ${by} and ${amongGroups(groups)}`,
  );

/** Open postings and their headcount per group. */
export const summaryOpenDemand = (db: Db, tenantId: string, by: SkillDemandBy | 'city') =>
  rows(
    db,
    sql<DemandTotal>`select grp, postings, headcount from analytics_demand_groups
      where tenant_id = ${tenantId} and kind = ${by}`,
  );
