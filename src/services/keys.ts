import type { Role } from '../domain/model/common.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import type { Database } from '../storage/db.ts';
import type { Principal } from './context.ts';
import { newId } from './context.ts';

const KEY_PREFIX = 'bole_';

/** SHA-256 hex of a key; keys are 192 random bits, so a fast unsalted hash cannot be brute-forced. */
export async function hashKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return KEY_PREFIX + btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_');
}

export interface MintKeyInput {
  tenantId: string;
  role: Role;
  graduateId?: string | undefined;
  employerId?: string | undefined;
  label?: string | undefined;
}

/** Creates a key; the plain key is returned once and only its hash is stored. */
export async function mintKey(database: Database, input: MintKeyInput): Promise<{ id: string; key: string; prefix: string }> {
  if (input.role === 'graduate' && !input.graduateId) throw invalid('graduateId', 'a graduate key must be bound to a graduate.');
  if (input.role === 'employer' && !input.employerId) throw invalid('employerId', 'an employer key must be bound to an employer.');
  const { db } = database;
  const tenant = await db.selectFrom('tenants').select('id').where('id', '=', input.tenantId).executeTakeFirst();
  if (!tenant) throw new DomainError('not_found', `Tenant ${input.tenantId} was not found.`);
  if (input.graduateId) {
    const g = await db.selectFrom('graduates').select('id').where('id', '=', input.graduateId).where('tenant_id', '=', input.tenantId).executeTakeFirst();
    if (!g) throw new DomainError('not_found', `Graduate ${input.graduateId} was not found in tenant ${input.tenantId}.`);
  }
  if (input.employerId) {
    const e = await db.selectFrom('employers').select('id').where('id', '=', input.employerId).where('tenant_id', '=', input.tenantId).executeTakeFirst();
    if (!e) throw new DomainError('not_found', `Employer ${input.employerId} was not found in tenant ${input.tenantId}.`);
  }
  const key = randomKey();
  const id = newId();
  const prefix = key.slice(0, 12);
  await db.insertInto('api_keys').values({
    id, tenant_id: input.tenantId, role: input.role,
    graduate_id: input.role === 'graduate' ? (input.graduateId ?? null) : null,
    employer_id: input.role === 'employer' ? (input.employerId ?? null) : null,
    key_hash: await hashKey(key), prefix, label: input.label ?? '',
  }).execute();
  return { id, key, prefix };
}

export async function revokeKey(database: Database, keyIdOrPrefix: string, now: Date): Promise<boolean> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(keyIdOrPrefix);
  const result = await database.db.updateTable('api_keys').set({ revoked_at: now })
    .where(isUuid ? 'id' : 'prefix', '=', keyIdOrPrefix).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The principal for a presented key, or undefined if unknown or revoked. */
export async function authenticate(database: Database, key: string): Promise<Principal | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return undefined;
  const row = await database.db.selectFrom('api_keys')
    .select(['id', 'tenant_id', 'role', 'graduate_id', 'employer_id'])
    .where('key_hash', '=', await hashKey(key)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  return { keyId: row.id, tenantId: row.tenant_id, role: row.role as Role, graduateId: row.graduate_id, employerId: row.employer_id };
}

export async function createTenant(database: Database, input: { name: string; kind: 'university' | 'platform' }): Promise<{ id: string }> {
  const id = newId();
  await database.db.insertInto('tenants').values({ id, name: input.name, kind: input.kind, settings: '{}' }).execute();
  return { id };
}
