import { sql } from 'kysely';
import type { Db } from './db.ts';
import type { UserRow, UserSessionRow } from './schema.ts';

/** People who sign in to the console, and their sessions: tenant first where a tenant is known. */

export interface NewUser {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  role: string;
  reviewer: boolean;
  passwordHash: string;
  now: Date;
}

export async function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      id: u.id,
      tenant_id: u.tenantId,
      email: u.email,
      display_name: u.displayName,
      role: u.role,
      reviewer: u.reviewer,
      password_hash: u.passwordHash,
      created_at: u.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The account an email signs in to (emails are unique regardless of case), across tenants. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUser(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db, tenantId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('email').execute();
}

/** Disables (at a time) or re-enables (null) a person's account; its sessions stop at once (findLiveSession). */
export async function setUserDisabled(db: Db, tenantId: string, id: string, at: Date | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Ends every session of a person (when the account is disabled). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('user_id', '=', userId).execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  tenantId: string;
  csrfToken: string;
  now: Date;
  expiresAt: Date;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto('user_sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      tenant_id: s.tenantId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** A session that has not expired at `now`, with its user (who must not be disabled). */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ session: UserSessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.token_hash',
      's.user_id',
      's.csrf_token',
      's.created_at as session_created_at',
      's.last_seen_at',
      's.expires_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, user_id, csrf_token, session_created_at, last_seen_at, expires_at, ...user } = row;
  return {
    session: {
      token_hash,
      user_id,
      tenant_id: user.tenant_id,
      csrf_token,
      created_at: session_created_at,
      last_seen_at,
      expires_at,
    },
    user,
  };
}

/** Slides the idle timeout: records a use, at most once a minute per session. */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .updateTable('user_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .where('last_seen_at', '<', minuteAgo)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Drops a user's expired sessions (called when they sign in, so the table does not grow without bound). */
export async function deleteExpiredSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('user_sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}
