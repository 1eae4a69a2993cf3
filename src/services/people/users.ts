import { conflict, DomainError, forbidden, notFound } from '../../domain/errors.ts';
import { userCreate, type UserCreate, type UserInvite, type UserRole, type UserView } from '../../domain/model/user.ts';
import type { Database } from '../../storage/db.ts';
import { tenantExists } from '../../storage/api-keys.repo.ts';
import type { UserRow } from '../../storage/schema.ts';
import * as repo from '../../storage/users.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { hashPassword } from './password.ts';

export const toUserView = (r: UserRow): UserView => ({
  id: r.id,
  tenantId: r.tenant_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role as UserRole,
  reviewer: r.reviewer,
  createdAt: new Date(r.created_at).toISOString(),
  disabled: r.disabled_at !== null,
});

/** Creates a person's account (the shell's `npm run users -- add`, and the demo); emails are unique. */
export async function createUser(database: Database, raw: UserCreate, now = new Date()): Promise<UserView> {
  const parsed = userCreate.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const input = parsed.data;
  if (input.reviewer && input.role !== 'career_office')
    throw new DomainError('validation_failed', 'reviewer: only a career_office account takes review rights.', {
      errors: [{ path: 'reviewer', message: 'only a career_office account takes review rights.' }],
    });
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction().execute(async (trx) => {
    if (!(await tenantExists(trx, input.tenantId))) throw notFound(`Tenant ${input.tenantId}`);
    if (await repo.findUserByEmail(trx, input.email)) throw conflict(`An account for ${input.email} exists already.`);
    const row = await repo.insertUser(trx, {
      id: newId(),
      tenantId: input.tenantId,
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      reviewer: input.reviewer,
      passwordHash,
      now,
    });
    return toUserView(row);
  });
}

/** The people of the caller's tenant, for its career office and admins (never their password hashes). */
export async function listTenantUsers({ ctx }: { ctx: ServiceContext }): Promise<UserView[]> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'list the accounts of the tenant');
  return (await repo.listUsers(ctx.database.db, ctx.principal.tenantId)).map(toUserView);
}

/**
 * A career office or an admin adds a person to its own tenant. Only an admin may create another admin, so
 * a career-office account cannot raise anyone (itself included, through a second account) above its role.
 */
export async function addTenantUser({ ctx, input }: { ctx: ServiceContext; input: UserInvite }): Promise<UserView> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'add people to the tenant');
  if (input.role === 'admin' && ctx.principal.role !== 'admin')
    throw forbidden('Only an admin may create an admin account.');
  return createUser(ctx.database, { ...input, tenantId: ctx.principal.tenantId }, ctx.clock.now());
}

/**
 * Disables a person's account (their sessions end at once) or enables it again. Nobody disables their own
 * account (the tenant would risk losing its last administrator), and only an admin touches an admin's.
 */
export async function setTenantUserDisabled({
  ctx,
  userId,
  disabled,
}: {
  ctx: ServiceContext;
  userId: string;
  disabled: boolean;
}): Promise<UserView> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'disable or enable accounts');
  const tenantId = ctx.principal.tenantId;
  const { db } = ctx.database;
  const user = await repo.findUser(db, tenantId, userId);
  if (!user) throw notFound('User');
  if (ctx.principal.via === 'session' && ctx.principal.keyId === userId)
    throw forbidden('Nobody disables or enables their own account.');
  if (user.role === 'admin' && ctx.principal.role !== 'admin')
    throw forbidden("Only an admin may change an admin's account.");
  await db.transaction().execute(async (trx) => {
    await repo.setUserDisabled(trx, tenantId, userId, disabled ? ctx.clock.now() : null);
    if (disabled) await repo.deleteUserSessions(trx, userId);
  });
  const after = await repo.findUser(db, tenantId, userId);
  if (!after) throw notFound('User');
  return toUserView(after);
}

export async function findUserByEmail(database: Database, email: string): Promise<UserView | undefined> {
  const row = await repo.findUserByEmail(database.db, email);
  return row ? toUserView(row) : undefined;
}
