import { DomainError, forbidden, invalid, notFound } from '../domain/errors.ts';
import type { Role } from '../domain/model/common.ts';
import { sha256HexSync } from '../domain/sha256.ts';
import * as keysRepo from '../storage/api-keys.repo.ts';
import type { Database } from '../storage/db.ts';
import { findEmployer } from '../storage/employers.repo.ts';
import { findGraduate } from '../storage/graduates.repo.ts';
import { insertOperatorAction } from '../storage/operator-actions.repo.ts';
import type { ApiKeyRow } from '../storage/schema.ts';
import type { Principal, ServiceContext } from './context.ts';
import { newId } from './context.ts';
import { isoTimeOrNull } from '../domain/iso.ts';

const KEY_PREFIX = 'bole_';

/** SHA-256 hex of a key; keys are 192 random bits, so a fast unsalted hash cannot be brute-forced. */
export const hashKey = (key: string): Promise<string> => Promise.resolve(sha256HexSync(key));

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return (
    KEY_PREFIX +
    btoa(String.fromCharCode(...bytes))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
  );
}

/** Who changes keys, as the operator log records it; the server's shell acts as `system`. */
export interface KeyActor {
  keyId: string;
  role: Role | 'system';
  requestId: string;
}
export const SHELL_ACTOR: KeyActor = {
  keyId: '00000000-0000-0000-0000-000000000000',
  role: 'system',
  requestId: 'cli',
};

export interface MintKeyInput {
  tenantId: string;
  role: Role;
  graduateId?: string | undefined;
  employerId?: string | undefined;
  label?: string | undefined;
  expiresAt?: Date | undefined;
}

export interface KeyView {
  id: string;
  prefix: string;
  role: Role;
  graduateId: string | null;
  employerId: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toKeyView = (r: ApiKeyRow): KeyView => ({
  id: r.id,
  prefix: r.prefix,
  role: r.role as Role,
  graduateId: r.graduate_id,
  employerId: r.employer_id,
  label: r.label,
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: isoTimeOrNull(r.expires_at),
  lastUsedAt: isoTimeOrNull(r.last_used_at),
  revokedAt: isoTimeOrNull(r.revoked_at),
});

/**
 * Creates a key; the plain key is returned once and only its hash is stored. The API and the shell
 * (`npm run keys`) both come here, and the minting is written to the operator log in the same transaction.
 */
export async function mintKey(
  database: Database,
  input: MintKeyInput,
  actor: KeyActor = SHELL_ACTOR,
  now = new Date(),
  /** The demo's keys are derived from its install secret, so they survive restarts; everyone else's are random. */
  key = randomKey(),
): Promise<KeyView & { key: string }> {
  if (input.role === 'graduate' && !input.graduateId)
    throw invalid('body.graduateId', 'a graduate key must be bound to a graduate.');
  if (input.role === 'employer' && !input.employerId)
    throw invalid('body.employerId', 'an employer key must be bound to an employer.');
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw invalid('body.expiresAt', 'is in the past.');
  return database.db.transaction().execute(async (trx) => {
    if (!(await keysRepo.tenantExists(trx, input.tenantId))) throw notFound(`Tenant ${input.tenantId}`);
    if (input.role === 'graduate' && input.graduateId && !(await findGraduate(trx, input.tenantId, input.graduateId)))
      throw notFound('Graduate');
    if (input.role === 'employer' && input.employerId && !(await findEmployer(trx, input.tenantId, input.employerId)))
      throw notFound('Employer');
    const row = await keysRepo.insertApiKey(trx, {
      id: newId(),
      tenantId: input.tenantId,
      role: input.role,
      graduateId: input.role === 'graduate' ? (input.graduateId ?? null) : null,
      employerId: input.role === 'employer' ? (input.employerId ?? null) : null,
      keyHash: await hashKey(key),
      prefix: key.slice(0, 12),
      label: input.label ?? '',
      expiresAt: input.expiresAt ?? null,
      now,
    });
    await insertOperatorAction(trx, {
      tenantId: input.tenantId,
      action: 'mint_key',
      reason: null,
      detail: { keyId: row.id, role: row.role, label: row.label, expiresAt: isoTimeOrNull(row.expires_at) },
      actorKeyId: actor.keyId,
      actorRole: actor.role,
      requestId: actor.requestId,
      now,
    });
    return { ...toKeyView(row), key };
  });
}

/** Revokes by key id or prefix from the shell; false if no active key matches. */
export async function revokeKey(
  database: Database,
  keyIdOrPrefix: string,
  now: Date,
  actor: KeyActor = SHELL_ACTOR,
): Promise<boolean> {
  const row = await keysRepo.findActiveKeyByIdOrPrefix(database.db, keyIdOrPrefix);
  if (!row) return false;
  return (await revokeInTenant(database, row.tenant_id, row.id, now, actor)) !== undefined;
}

async function revokeInTenant(
  database: Database,
  tenantId: string,
  id: string,
  now: Date,
  actor: KeyActor,
): Promise<ApiKeyRow | undefined> {
  const revoked = await database.db.transaction().execute(async (trx) => {
    const row = await keysRepo.revokeApiKey(trx, tenantId, id, now);
    if (row) {
      await insertOperatorAction(trx, {
        tenantId,
        action: 'revoke_key',
        reason: null,
        detail: { keyId: row.id, role: row.role },
        actorKeyId: actor.keyId,
        actorRole: actor.role,
        requestId: actor.requestId,
        now,
      });
    }
    return row;
  });
  forgetKeys(database, (p) => p.keyId === id);
  return revoked;
}

/**
 * Who may manage which keys: an admin any key of its tenant; the career office keys for graduates and
 * employers (never staff keys, so it cannot grant itself more than it has).
 */
const MANAGERS: ReadonlySet<Role> = new Set(['admin', 'career_office']);
function assertMayManage(principal: Principal, role?: Role): void {
  if (!MANAGERS.has(principal.role) || principal.via === 'app' || principal.via === 'provider') {
    throw forbidden('Only an admin or the career office, with an API key, manages keys.');
  }
  if (role && principal.role === 'career_office' && role !== 'graduate' && role !== 'employer') {
    throw forbidden('The career office mints and revokes graduate and employer keys; staff keys need an admin.');
  }
}

const actorOf = (ctx: ServiceContext): KeyActor => ({
  keyId: ctx.principal.keyId,
  role: ctx.principal.role,
  requestId: ctx.requestId,
});

export async function listKeys({
  ctx,
  includeRevoked,
}: {
  ctx: ServiceContext;
  includeRevoked: boolean;
}): Promise<{ items: KeyView[] }> {
  assertMayManage(ctx.principal);
  return {
    items: (await keysRepo.listApiKeys(ctx.database.db, ctx.principal.tenantId, includeRevoked)).map(toKeyView),
  };
}

export async function mintKeyFor({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Omit<MintKeyInput, 'tenantId'>;
}): Promise<KeyView & { key: string }> {
  assertMayManage(ctx.principal, input.role);
  return mintKey(ctx.database, { ...input, tenantId: ctx.principal.tenantId }, actorOf(ctx), ctx.clock.now());
}

export async function revokeKeyFor({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<KeyView> {
  assertMayManage(ctx.principal);
  const existing = await keysRepo.findApiKey(ctx.database.db, ctx.principal.tenantId, id);
  if (!existing) throw notFound('Key');
  assertMayManage(ctx.principal, existing.role as Role);
  if (existing.revoked_at) return toKeyView(existing);
  const row = await revokeInTenant(ctx.database, ctx.principal.tenantId, id, ctx.clock.now(), actorOf(ctx));
  if (!row) throw new DomainError('conflict', 'The key was revoked at the same moment.');
  return toKeyView(row);
}

/**
 * How long a usable key's row is held in this process (real time, whatever the request's clock says): a key revoked,
 * or deleted with its graduate or employer, by another process stops working within this; by this one at once.
 */
export const KEY_HELD_MS = 1_000;
const KEYS_HELD = 10_000;

interface HeldKey {
  principal: Principal;
  expiresAt: number | null;
  lastUsedAt: Date | null;
  until: number;
}

/** Usable keys by hash, per database: a key is one SHA-256 and one statement, which most requests then skip. */
const heldKeys = new WeakMap<Database, Map<string, HeldKey>>();

/** Drops the held keys matching `which` (revoked, or deleted with their graduate or employer, by this process). */
export function forgetKeys(database: Database, which: (principal: Principal) => boolean): void {
  const held = heldKeys.get(database);
  if (held) for (const [hash, k] of held) if (which(k.principal)) held.delete(hash);
}

/** The principal for a presented key, or undefined if unknown, revoked or expired. Records the use. */
export async function authenticate(database: Database, key: string, now = new Date()): Promise<Principal | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return undefined;
  const hash = sha256HexSync(key);
  let held = heldKeys.get(database);
  if (!held) heldKeys.set(database, (held = new Map()));
  let k = held.get(hash);
  if (k && k.until < performance.now()) {
    held.delete(hash);
    k = undefined;
  }
  if (!k) {
    const row = await keysRepo.findUsableKeyByHash(database.db, hash, now);
    if (!row) return undefined;
    k = {
      principal: {
        keyId: row.id,
        tenantId: row.tenant_id,
        role: row.role as Role,
        graduateId: row.graduate_id,
        employerId: row.employer_id,
        via: 'key',
        scopes: null,
      },
      expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null,
      lastUsedAt: row.last_used_at,
      until: performance.now() + KEY_HELD_MS,
    };
    if (held.size >= KEYS_HELD) held.clear();
    held.set(hash, k);
  }
  if (k.expiresAt !== null && k.expiresAt <= now.getTime()) return undefined;
  await keysRepo.touchApiKey(database.db, k.principal.keyId, k.lastUsedAt, now);
  if (k.lastUsedAt === null || k.lastUsedAt.getTime() < now.getTime() - keysRepo.TOUCH_EVERY_MS) k.lastUsedAt = now;
  return { ...k.principal };
}

export async function createTenant(
  database: Database,
  input: { name: string; kind: 'university' | 'platform' },
): Promise<{ id: string }> {
  const id = newId();
  await keysRepo.insertTenant(database.db, { id, name: input.name, kind: input.kind });
  return { id };
}
