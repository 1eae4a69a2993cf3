import { sql } from 'kysely';
import { generateDemoData } from '../demo/generate.ts';
import type { Role } from '../domain/model/common.ts';
import { demographics as demographicsSchema } from '../domain/model/demographics.ts';
import { employerCreate } from '../domain/model/employer.ts';
import { graduateCreate } from '../domain/model/graduate.ts';
import { postingCreate } from '../domain/model/posting.ts';
import type { Database } from '../storage/db.ts';
import { newId } from './context.ts';
import { createTenant, mintKey } from './keys.ts';
import { normalizePostingSkills, normalizeProfileSkills } from './skills.ts';

export interface DemoResult {
  tenantId: string;
  summary: string;
  keys: Partial<Record<Role, string>>;
}

const DEMO_LABEL = 'demo';
const CONSENT_TEXT_VERSION = 'demo-2026-11';
const CHUNK = 250;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, progress: (done: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await write(rows.slice(i, i + CHUNK));
    progress(Math.min(rows.length, i + CHUNK));
  }
}

/**
 * On an empty database, loads the deterministic demo data set into a demo tenant. On every start with a
 * demo tenant, mints fresh demo keys (revoking the previous ones): only key hashes are stored, so the
 * only way to print a usable key is to make a new one.
 */
export async function ensureDemoData(database: Database, opts: { seed: number; progress: (line: string) => void; now?: Date }): Promise<DemoResult | undefined> {
  const { db } = database;
  const now = opts.now ?? new Date();
  let tenant = await db.selectFrom('tenants').select(['id']).where(sql<boolean>`settings->>'demo' = 'true'`).executeTakeFirst();
  let summary = 'existing demo data';
  if (!tenant) {
    const anyTenant = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
    if (anyTenant) return undefined;
    const loaded = await loadDemo(database, opts.seed, now, opts.progress);
    tenant = { id: loaded.tenantId };
    summary = loaded.summary;
  }
  const tenantId = tenant.id;
  await db.updateTable('api_keys').set({ revoked_at: now }).where('tenant_id', '=', tenantId).where('label', '=', DEMO_LABEL).where('revoked_at', 'is', null).execute();
  const graduate = await db.selectFrom('graduates').select('id').where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  const employer = await db.selectFrom('job_postings').select('employer_id').where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  const keys: Partial<Record<Role, string>> = {};
  const mint = async (role: Role, bound: { graduateId?: string; employerId?: string } = {}) => {
    keys[role] = (await mintKey(database, { tenantId, role, label: DEMO_LABEL, ...bound })).key;
  };
  if (graduate) await mint('graduate', { graduateId: graduate.id });
  if (employer) await mint('employer', { employerId: employer.employer_id });
  await mint('career_office');
  await mint('auditor');
  await mint('admin');
  return { tenantId, summary, keys };
}

async function loadDemo(database: Database, seed: number, now: Date, say: (line: string) => void): Promise<{ tenantId: string; summary: string }> {
  const started = performance.now();
  say(`demo data: generating (seed ${seed})`);
  const data = generateDemoData({ seed });
  const { id: tenantId } = await createTenant(database, { name: '伯乐演示大学就业指导中心 (Bole demo university)', kind: 'university' });
  await database.db.updateTable('tenants').set({ settings: JSON.stringify({ demo: true }) }).where('id', '=', tenantId).execute();
  // Rows get strictly increasing timestamps so keyset pages and recency order are stable.
  let tick = now.getTime() - (data.employers.length + data.postings.length + data.graduates.length) * 1000;
  const stamp = () => new Date((tick += 1000));

  const employerIds = data.employers.map(() => newId());
  await inChunks(data.employers.map((e, i) => ({ e: employerCreate.parse(e), id: employerIds[i] ?? newId() })), (chunk) =>
    database.db.insertInto('employers').values(chunk.map(({ e, id }) => {
      const at = stamp();
      return { id, tenant_id: tenantId, name: e.name, industry: e.industry ?? null, city: e.city ?? null, size: e.size ?? null, website: e.website ?? null, description: e.description, created_at: at, updated_at: at };
    })).execute(), (n) => say(`demo data: employers ${n}/${data.employers.length}`));

  await inChunks(data.postings, (chunk) => database.db.insertInto('job_postings').values(chunk.map((raw) => {
    const p = postingCreate.parse(raw);
    const at = stamp();
    return {
      id: newId(), tenant_id: tenantId, employer_id: employerIds[raw.employerIndex] ?? '', title: p.title, description: p.description,
      required_skills: JSON.stringify(normalizePostingSkills(p.requiredSkills)), preferred_skills: JSON.stringify(normalizePostingSkills(p.preferredSkills)),
      min_degree: p.minDegree, accepted_majors: JSON.stringify(p.acceptedMajors), locations: p.locations, remote: p.remote, job_type: p.jobType,
      salary_min: p.salaryMin ?? null, salary_max: p.salaryMax ?? null, headcount: p.headcount, opens_at: p.opensAt ?? null, closes_at: p.closesAt ?? null,
      status: p.status, lang: p.lang, created_at: at, updated_at: at,
    };
  })).execute(), (n) => say(`demo data: postings ${n}/${data.postings.length}`));

  let withDemographics = 0;
  await inChunks(data.graduates, async (chunk) => {
    const rows = chunk.map((raw) => ({ raw, g: graduateCreate.parse(raw), id: newId(), at: stamp() }));
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('graduates').values(rows.map(({ g, id, at }) => ({
        id, tenant_id: tenantId, name: g.name, email: g.email ?? null, phone: g.phone ?? null,
        education: JSON.stringify(g.education), skills: JSON.stringify(normalizeProfileSkills(g.skills)), languages: JSON.stringify(g.languages),
        certificates: JSON.stringify(g.certificates), experiences: JSON.stringify(g.experiences), summary: g.summary,
        preferences: JSON.stringify(g.preferences), visibility: g.visibility, lang: g.lang, created_at: at, updated_at: at,
      }))).execute();
      const consents = rows.flatMap(({ raw, id, at }) => raw.consents.map((purpose) => ({
        id: newId(), tenant_id: tenantId, graduate_id: id, purpose, granted: true, text_version: CONSENT_TEXT_VERSION, actor: 'demo-seed', created_at: at,
      })));
      if (consents.length > 0) await trx.insertInto('consents').values(consents).execute();
      // Demographics only for graduates who consented to the fairness audit (the generator guarantees it; checked again here).
      const demo = rows.flatMap(({ raw, id, at }) => {
        if (!raw.demographics || !raw.consents.includes('fairness_audit')) return [];
        const d = demographicsSchema.parse(raw.demographics);
        return [{
          graduate_id: id, tenant_id: tenantId, gender: d.gender ?? null, ethnicity: d.ethnicity ?? null, hukou_type: d.hukouType ?? null,
          region_of_origin: d.regionOfOrigin ?? null, disability: d.disability ?? null, birth_year: d.birthYear ?? null, school_tier: d.schoolTier ?? null, updated_at: at,
        }];
      });
      withDemographics += demo.length;
      if (demo.length > 0) await trx.insertInto('graduate_demographics').values(demo).execute();
    });
  }, (n) => say(`demo data: graduates ${n}/${data.graduates.length}`));

  const summary = `${data.employers.length} employers, ${data.postings.length} open postings, ${data.graduates.length} graduates (${withDemographics} with consented demographics), loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  return { tenantId, summary };
}
