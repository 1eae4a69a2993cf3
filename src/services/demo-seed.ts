import { generateDemoData } from '../demo/generate.ts';
import type { Role } from '../domain/model/common.ts';
import { demographics as demographicsSchema } from '../domain/model/demographics.ts';
import { employerCreate } from '../domain/model/employer.ts';
import { graduateCreate } from '../domain/model/graduate.ts';
import { postingCreate } from '../domain/model/posting.ts';
import { revokeLabelledKeys } from '../storage/api-keys.repo.ts';
import type { Database } from '../storage/db.ts';
import {
  anyTenantExists,
  findDemoTenantId,
  firstGraduateAndEmployer,
  insertDemographicsRows,
  insertEmployers,
  insertGrantedConsents,
  insertGraduates,
  insertPostings,
  markDemoTenant,
} from '../storage/demo.repo.ts';
import { newId } from './context.ts';
import { createTenant, mintKey } from './keys.ts';
import { normalizePostingSkills, normalizeProfileSkills } from './skills.ts';

export interface DemoResult {
  tenantId: string;
  summary: string;
  keys: Partial<Record<Role, string>>;
  /** The graduate and employer the demo graduate and employer keys are bound to (printed at start). */
  graduateId: string | null;
  employerId: string | null;
}

const DEMO_LABEL = 'demo';
const CONSENT_TEXT_VERSION = 'demo-2026-11';
const CHUNK = 250;

async function inChunks<T>(
  rows: T[],
  write: (chunk: T[]) => Promise<unknown>,
  progress: (done: number) => void,
): Promise<void> {
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
export async function ensureDemoData(
  database: Database,
  opts: { seed: number; progress: (line: string) => void; now?: Date },
): Promise<DemoResult | undefined> {
  const { db } = database;
  const now = opts.now ?? new Date();
  let tenantId = await findDemoTenantId(db);
  let summary = 'existing demo data';
  if (!tenantId) {
    if (await anyTenantExists(db)) return undefined;
    const loaded = await loadDemo(database, opts.seed, now, opts.progress);
    tenantId = loaded.tenantId;
    summary = loaded.summary;
  }
  const demoTenant = tenantId;
  await revokeLabelledKeys(db, demoTenant, DEMO_LABEL, now);
  const { graduateId, employerId } = await firstGraduateAndEmployer(db, demoTenant);
  const keys: Partial<Record<Role, string>> = {};
  const mint = async (role: Role, bound: { graduateId?: string; employerId?: string } = {}) => {
    keys[role] = (await mintKey(database, { tenantId: demoTenant, role, label: DEMO_LABEL, ...bound })).key;
  };
  if (graduateId) await mint('graduate', { graduateId });
  if (employerId) await mint('employer', { employerId });
  await mint('career_office');
  await mint('auditor');
  await mint('admin');
  return { tenantId: demoTenant, summary, keys, graduateId: graduateId ?? null, employerId: employerId ?? null };
}

async function loadDemo(
  database: Database,
  seed: number,
  now: Date,
  say: (line: string) => void,
): Promise<{ tenantId: string; summary: string }> {
  const started = performance.now();
  say(`demo data: generating (seed ${seed})`);
  const data = generateDemoData({ seed });
  const { id: tenantId } = await createTenant(database, {
    name: '伯乐演示大学就业指导中心 (Bole demo university)',
    kind: 'university',
  });
  await markDemoTenant(database.db, tenantId);
  // Rows get strictly increasing timestamps so keyset pages and recency order are stable.
  let tick = now.getTime() - (data.employers.length + data.postings.length + data.graduates.length) * 1000;
  const stamp = () => new Date((tick += 1000));

  const employerIds = data.employers.map(() => newId());
  await inChunks(
    data.employers.map((e, i) => ({ e: employerCreate.parse(e), id: employerIds[i] ?? newId() })),
    (chunk) =>
      insertEmployers(
        database.db,
        tenantId,
        chunk.map(({ e, id }) => ({ id, e, at: stamp() })),
      ),
    (n) => say(`demo data: employers ${n}/${data.employers.length}`),
  );

  await inChunks(
    data.postings,
    (chunk) =>
      insertPostings(
        database.db,
        tenantId,
        chunk.map((raw) => {
          const p = postingCreate.parse(raw);
          const normalized = {
            ...p,
            requiredSkills: normalizePostingSkills(p.requiredSkills),
            preferredSkills: normalizePostingSkills(p.preferredSkills),
          };
          return { id: newId(), employerId: employerIds[raw.employerIndex] ?? '', p: normalized, at: stamp() };
        }),
      ),
    (n) => say(`demo data: postings ${n}/${data.postings.length}`),
  );

  let withDemographics = 0;
  await inChunks(
    data.graduates,
    async (chunk) => {
      const rows = chunk.map((raw) => ({ raw, g: graduateCreate.parse(raw), id: newId(), at: stamp() }));
      await database.db.transaction().execute(async (trx) => {
        await insertGraduates(
          trx,
          tenantId,
          rows.map(({ g, id, at }) => ({ id, at, g: { ...g, skills: normalizeProfileSkills(g.skills) } })),
        );
        await insertGrantedConsents(
          trx,
          tenantId,
          rows.flatMap(({ raw, id, at }) =>
            raw.consents.map((purpose) => ({
              id: newId(),
              graduateId: id,
              purpose,
              textVersion: CONSENT_TEXT_VERSION,
              actor: 'demo-seed',
              at,
            })),
          ),
        );
        // Demographics only for graduates who consented to the fairness audit (the generator guarantees it; checked again here).
        const demo = rows.flatMap(({ raw, id, at }) => {
          if (!raw.demographics || !raw.consents.includes('fairness_audit')) return [];
          return [{ graduateId: id, d: demographicsSchema.parse(raw.demographics), at }];
        });
        withDemographics += demo.length;
        await insertDemographicsRows(trx, tenantId, demo);
      });
    },
    (n) => say(`demo data: graduates ${n}/${data.graduates.length}`),
  );

  const summary = `${data.employers.length} employers, ${data.postings.length} open postings, ${data.graduates.length} graduates (${withDemographics} with consented demographics), loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  return { tenantId, summary };
}
