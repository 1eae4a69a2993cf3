import { generateDemoData } from '../demo/generate.ts';
import type { Role } from '../domain/model/common.ts';
import { demographics as demographicsSchema } from '../domain/model/demographics.ts';
import { employerCreate } from '../domain/model/employer.ts';
import { graduateCreate } from '../domain/model/graduate.ts';
import { postingCreate } from '../domain/model/posting.ts';
import { findKeyByHash } from '../storage/api-keys.repo.ts';
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
import { createTenant, hashKey, mintKey, SHELL_ACTOR } from './keys.ts';
import { createUser, findUserByEmail } from './people/users.ts';
import { readServiceSetting, writeServiceSetting } from '../storage/service-settings.repo.ts';
import type { UserRole } from '../domain/model/user.ts';
import { normalizePostingSkills, normalizeProfileSkills } from './skills.ts';

export interface DemoResult {
  tenantId: string;
  summary: string;
  keys: Partial<Record<Role, string>>;
  /** One console sign-in per role: email and password, the same on every start of this data directory. */
  logins: Partial<Record<UserRole, { email: string; password: string }>>;
  /** Demo keys someone revoked: they stay revoked (a derived key cannot be minted twice). */
  revoked: Role[];
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

const INSTALL_SECRET = 'install_secret';
const DEMO_EMAIL_DOMAIN = 'demo.bole.example';
const DEMO_LOGINS: readonly { role: UserRole; local: string; name: string; reviewer: boolean }[] = [
  { role: 'career_office', local: 'career-office', name: '王老师 (career office, reviewer)', reviewer: true },
  { role: 'auditor', local: 'auditor', name: '李审计 (auditor)', reviewer: false },
  { role: 'admin', local: 'admin', name: '赵管理员 (admin)', reviewer: false },
];

/** A random secret made once per database (so per data directory); the demo's keys and passwords derive from it. */
async function installSecret(database: Database): Promise<string> {
  const stored = await readServiceSetting(database.db, INSTALL_SECRET);
  if (typeof stored === 'string' && stored.length >= 32) return stored;
  const fresh = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await writeServiceSetting(database.db, INSTALL_SECRET, fresh);
  return fresh;
}

/** HMAC-SHA-256 of `label` under the install secret, as base64url of its first `bytes` bytes. */
async function derive(secret: string, label: string, bytes: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(label)));
  return btoa(String.fromCharCode(...mac.slice(0, bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');
}

/**
 * On an empty database, loads the deterministic demo data set into a demo tenant. On every start with a
 * demo tenant, makes sure its keys and console accounts exist: both derive from a secret stored in the
 * database, so a restart prints the same keys and passwords and never revokes one a person saved.
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
  const secret = await installSecret(database);
  const { graduateId, employerId } = await firstGraduateAndEmployer(db, demoTenant);
  const keys: Partial<Record<Role, string>> = {};
  const revoked: Role[] = [];
  const ensureKey = async (role: Role, bound: { graduateId?: string; employerId?: string } = {}) => {
    const key = `bole_${await derive(secret, `demo-key:${demoTenant}:${role}`, 24)}`;
    const existing = await findKeyByHash(db, await hashKey(key));
    if (existing?.revoked_at) {
      revoked.push(role);
      return;
    }
    if (!existing)
      await mintKey(database, { tenantId: demoTenant, role, label: DEMO_LABEL, ...bound }, SHELL_ACTOR, now, key);
    keys[role] = key;
  };
  if (graduateId) await ensureKey('graduate', { graduateId });
  if (employerId) await ensureKey('employer', { employerId });
  await ensureKey('career_office');
  await ensureKey('auditor');
  await ensureKey('admin');
  const logins: DemoResult['logins'] = {};
  for (const login of DEMO_LOGINS) {
    const email = `${login.local}@${DEMO_EMAIL_DOMAIN}`;
    const password = await derive(secret, `demo-password:${demoTenant}:${login.role}`, 12);
    if (!(await findUserByEmail(database, email)))
      await createUser(
        database,
        { tenantId: demoTenant, email, displayName: login.name, role: login.role, reviewer: login.reviewer, password },
        now,
      );
    logins[login.role] = { email, password };
  }
  return {
    tenantId: demoTenant,
    summary,
    keys,
    logins,
    revoked,
    graduateId: graduateId ?? null,
    employerId: employerId ?? null,
  };
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
