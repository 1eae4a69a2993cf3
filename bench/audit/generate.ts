import { sql } from 'kysely';
import type { Database } from '../../src/storage/db.ts';

export interface GeneratedAuditData {
  tenantId: string;
  from: Date;
  to: Date;
  graduates: number;
  impressions: number;
  candidateLists: number;
  recommendationLists: number;
  interactions: number;
}

/**
 * Synthetic audit data written entirely by SQL (generate_series; nothing passes through Node). Seeded
 * (setseed) so runs are comparable. Attribute mix: 48 % women, 12 % minority, 40 % rural hukou, regions
 * 40/25/25/10 %, 3 % disability, 4 % undisclosed gender; 92 % consented (2 % withdrew after granting).
 * Scores: 0.55 + 0.35·u − 0.03·[woman] − 0.03·[rural] − 0.02·[west], u uniform per item, so the audit has real
 * disparities to find; ranks follow scores within each list.
 */
export async function generateAuditData(database: Database, total: number): Promise<GeneratedAuditData> {
  const { db } = database;
  const tenantId = crypto.randomUUID();
  const graduates = Math.max(1000, Math.round(total / 20));
  const postings = Math.max(50, Math.round(total / 500));
  const candidateLists = Math.round((total * 0.8) / 50);
  const recommendationLists = Math.round((total * 0.2) / 20);
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  await sql`select setseed(0.42)`.execute(db);
  await sql`insert into tenants (id, name, kind) values (${tenantId}, 'Bench university', 'university')`.execute(db);
  await sql`create unlogged table bench_grad as
    select g as n, gen_random_uuid() as id, random() as r1, random() as r2, random() as r3, random() as r4,
    random() as r5, random() as r6, random() as r7
    from generate_series(1, ${graduates}) g`.execute(db);
  await sql`create unique index on bench_grad (n)`.execute(db);
  await sql`insert into graduates (id, tenant_id, name) select id, ${tenantId}, 'g' || n from bench_grad`.execute(db);
  await sql`insert into graduate_demographics (graduate_id, tenant_id, gender, ethnicity, hukou_type,
    region_of_origin, disability, school_tier)
    select id, ${tenantId},
      case when r1 < 0.04 then 'undisclosed' when r1 < 0.52 then 'female' else 'male' end,
      case when r2 < 0.12 then 'minority' else 'han' end,
      case when r3 < 0.40 then 'rural' else 'urban' end,
      case when r4 < 0.40 then 'east' when r4 < 0.65 then 'central' when r4 < 0.90 then 'west' else 'northeast'
    end,
      case when r5 < 0.03 then 'yes' else 'no' end,
      case when r6 < 0.05 then '985' when r6 < 0.15 then '211' when r6 < 0.25 then 'double_first_class' else 'other'
    end
    from bench_grad`.execute(db);
  await sql`insert into consents (id, tenant_id, graduate_id, purpose, granted, text_version, actor,
    created_at)
    select gen_random_uuid(), ${tenantId}, id, 'fairness_audit', true, 'v1', 'bench', now() - interval '60 days'
    from bench_grad where r7 < 0.94`.execute(db);
  await sql`insert into consents (id, tenant_id, graduate_id, purpose, granted, text_version, actor,
    created_at)
    select gen_random_uuid(), ${tenantId}, id, 'fairness_audit', false, 'v1', 'bench', now() - interval '40 days'
    from bench_grad where r7 >= 0.92 and r7 < 0.94`.execute(db);
  // Candidate lists: 50 graduates per list (distinct by a stride), ranked by score.
  await sql`insert into impressions (id, tenant_id, request_id, list_id, list_kind, viewer_role, graduate_id,
    posting_id, rank, score, components, model_version, embedder_id, personalized, created_at)
    select gen_random_uuid(), ${tenantId}, 'bench', l.list_id, 'candidates', 'career_office', c.id,
    l.posting_id,
      row_number() over (partition by l.list_id order by c.score desc), c.score,
      jsonb_build_object('semantic', c.u, 'requiredSkills', c.v, 'preferredSkills', c.u * c.v, 'majorFit',
    round(c.v::numeric * 2) / 2,
        'degreeFit', case when c.u > 0.2 then 1 else 0 end, 'locationFit', case when c.rural then 0.5 else 1
    end, 'salaryFit', 1, 'jobTypeFit', 1),
      'hybrid-2026.11.1', 'lsa-bench', true,
      ${from}::timestamptz + (l.n::float8 / ${candidateLists}) * (${to}::timestamptz - ${from}::timestamptz)
    from (select n, gen_random_uuid() as list_id, md5((n % ${postings})::text)::uuid as posting_id from
    generate_series(1, ${candidateLists}) n) l
    cross join lateral (
      select b.id, u, v, d.hukou_type = 'rural' as rural,
        0.55 + 0.35 * u - case when d.gender = 'female' then 0.03 else 0 end - case when d.hukou_type = 'rural'
    then 0.03 else 0 end
          - case when d.region_of_origin = 'west' then 0.02 else 0 end as score
      -- random() must depend on the list (l.n), or the planner evaluates it once for every list.
      from (select j, random() + 0 * l.n as u, random() + 0 * l.n as v from generate_series(0, 49) j) r
      join bench_grad b on b.n = 1 + ((l.n * 7919 + j * 104729) % ${graduates})
      join graduate_demographics d on d.graduate_id = b.id
    ) c`.execute(db);
  await sql`insert into impressions (id, tenant_id, request_id, list_id, list_kind, viewer_role, graduate_id,
    posting_id, rank, score, components, model_version, embedder_id, personalized, created_at)
    select gen_random_uuid(), ${tenantId}, 'bench', l.list_id, 'recommendations', 'graduate', b.id, md5(((l.n
    * 31 + j) % ${postings})::text)::uuid, j + 1,
      greatest(0, 0.8 - j * 0.02 - case when d.hukou_type = 'rural' then 0.05 else 0 end - random() * 0.1),
      jsonb_build_object('semantic', random(), 'requiredSkills', random()), 'hybrid-2026.11.1', 'lsa-bench',
    true,
      ${from}::timestamptz + (l.n::float8 / ${recommendationLists}) * (${to}::timestamptz - ${from}::timestamptz)
    from (select n, gen_random_uuid() as list_id from generate_series(1, ${recommendationLists}) n) l
    join bench_grad b on b.n = 1 + ((l.n * 13) % ${graduates})
    join graduate_demographics d on d.graduate_id = b.id
    cross join generate_series(0, 19) j`.execute(db);
  // Funnel: top-ranked candidates apply more often; some go further.
  await sql`insert into interactions (id, tenant_id, graduate_id, posting_id, type, actor_role, occurred_at)
    select gen_random_uuid(), ${tenantId}, graduate_id, posting_id, stage, 'graduate', created_at + interval '1 hour'
    from (
      select i.graduate_id, i.posting_id, i.created_at, random() as r, i.rank from impressions i
      where i.tenant_id = ${tenantId} and i.list_kind = 'candidates' and i.rank <= 20
    ) x
    cross join lateral (select unnest(case
      when r < 0.005 then array['apply', 'interview', 'offer', 'hire']
      when r < 0.015 then array['apply', 'interview', 'offer']
      when r < 0.04 then array['apply', 'interview']
      when r < 0.10 then array['apply'] else array[]::text[] end) as stage) s`.execute(db);
  await sql`drop table bench_grad`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ impressions: number; interactions: number }>`select
    (select count(*)::int from impressions where tenant_id = ${tenantId}) as impressions,
    (select count(*)::int from interactions where tenant_id = ${tenantId}) as interactions`.execute(db);
  return {
    tenantId,
    from,
    to,
    graduates,
    impressions: counts.rows[0]?.impressions ?? 0,
    candidateLists,
    recommendationLists,
    interactions: counts.rows[0]?.interactions ?? 0,
  };
}

/** The figures of a database an earlier `--keep` run generated (its one tenant, the window around its impressions). */
export async function keptAuditData(database: Database): Promise<GeneratedAuditData> {
  const row = await sql<{
    tenant_id: string;
    first: Date;
    last: Date;
    graduates: number;
    impressions: number;
    candidate_lists: number;
    recommendation_lists: number;
    interactions: number;
  }>`select t.id as tenant_id, min(i.created_at) as first, max(i.created_at) as last,
      (select count(*)::int from graduates g where g.tenant_id = t.id) as graduates, count(*)::int as impressions,
      count(distinct i.list_id) filter (where i.list_kind = 'candidates')::int as candidate_lists,
      count(distinct i.list_id) filter (where i.list_kind = 'recommendations')::int as recommendation_lists,
      (select count(*)::int from interactions x where x.tenant_id = t.id) as interactions
    from tenants t join impressions i on i.tenant_id = t.id
    where t.name = 'Bench university' group by t.id`.execute(database.db);
  const r = row.rows[0];
  if (!r) throw new Error('no bench tenant in this database (generate one with --generate-only or --keep)');
  return {
    tenantId: r.tenant_id,
    // The generator's window: 30 days ending just after the last list.
    from: new Date(new Date(r.first).getTime() - 60_000),
    to: new Date(new Date(r.last).getTime() + 60_000),
    graduates: r.graduates,
    impressions: r.impressions,
    candidateLists: r.candidate_lists,
    recommendationLists: r.recommendation_lists,
    interactions: r.interactions,
  };
}
