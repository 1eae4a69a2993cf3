import { generateDemoData } from '../demo/generate.ts';
import type { Role } from '../domain/model/common.ts';
import { findKeyByHash } from '../storage/api-keys.repo.ts';
import type { Database } from '../storage/db.ts';
import { anyTenantExists, findDemoTenantId, firstGraduateAndEmployer, markDemoTenant } from '../storage/demo.repo.ts';
import { loadDataSet } from './bulk-load.ts';
import { hashKey, mintKey, SHELL_ACTOR } from './keys.ts';
import { createUser, findUserByEmail } from './people/users.ts';
import { readServiceSetting, writeServiceSetting } from '../storage/service-settings.repo.ts';
import type { UserRole } from '../domain/model/user.ts';

export interface DemoResult {
  /** Whether this start loaded the demo (an empty database); its served lists are seeded after indexing. */
  loaded: boolean;
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
  let fresh = false;
  if (!tenantId) {
    if (await anyTenantExists(db)) return undefined;
    const loaded = await loadDemo(database, opts.seed, now, opts.progress);
    tenantId = loaded.tenantId;
    summary = loaded.summary;
    fresh = true;
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
    loaded: fresh,
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
  say(`demo data: generating (seed ${seed})`);
  const loaded = await loadDataSet(database, generateDemoData({ seed, asOf: now.toISOString().slice(0, 10) }), {
    name: '伯乐演示大学就业指导中心 (Bole demo university)',
    now,
    chunk: 250,
    progress: (entity, done, total) => say(`demo data: ${entity} ${done}/${total}`),
  });
  await markDemoTenant(database.db, loaded.tenantId);
  return loaded;
}
