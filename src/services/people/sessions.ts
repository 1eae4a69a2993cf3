import { DomainError } from '../../domain/errors.ts';
import type { UserRole } from '../../domain/model/user.ts';
import { sha256Hex } from '../../domain/sha256.ts';
import type { Database } from '../../storage/db.ts';
import type { UserRow } from '../../storage/schema.ts';
import * as repo from '../../storage/users.repo.ts';
import type { Clock, Principal } from '../context.ts';
import type { RateLimiter } from '../rate-limit/port.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';

/** A session lives 12 hours at most, and ends after 2 hours without a request. */
export const SESSION_TTL_MS = 12 * 3_600_000;
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** Sign-in attempts a minute, per account and per client address (every attempt counts, right or wrong). */
export const SIGN_IN_LIMITS = { perAccount: 10, perAddress: 30 } as const;

export const token = (bytes = 32): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');

export interface SessionDeps {
  database: Database;
  clock: Clock;
  limiter: RateLimiter;
  /** Attempts a window per account and per address (RATE_LIMIT_LOGIN; default SIGN_IN_LIMITS a minute). */
  limits?: { perAccount: number; perAddress: number } | undefined;
  windowSeconds?: number | undefined;
}

export interface SignedIn {
  /** The cookie's value: shown once; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Hash of a password nobody has, checked when the email is unknown so both answers take as long. */
let decoy: Promise<string> | undefined;

/**
 * Signs a person in by email and password. Throws 429 (with retryAfter) past the per-account or
 * per-address limit, and one 401 for an unknown email, a wrong password and a disabled account alike.
 */
export async function signIn(
  deps: SessionDeps,
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const limits = deps.limits ?? SIGN_IN_LIMITS;
  const windowSeconds = deps.windowSeconds ?? 60;
  const wait = Math.max(
    await deps.limiter.hit(`sign-in:account:${email}`, { limit: limits.perAccount, windowSeconds }),
    await deps.limiter.hit(`sign-in:address:${input.address}`, { limit: limits.perAddress, windowSeconds }),
  );
  if (wait > 0)
    throw new DomainError('rate_limited', `Too many sign-in attempts; retry after ${wait} s.`, {
      extra: { retryAfter: wait },
    });
  const { db } = deps.database;
  const user = await repo.findUserByEmail(db, email);
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await (decoy ??= hashPassword(token())));
  if (!user || !ok || user.disabled_at !== null)
    throw new DomainError('unauthenticated', 'The email or the password is wrong.');
  const now = deps.clock.now();
  if (needsRehash(user.password_hash)) await repo.setPasswordHash(db, user.id, await hashPassword(input.password));
  return openSession(deps.database, user, now);
}

/** A new session for a person who proved who they are (a password, or their identity provider's ID token). */
export async function openSession(database: Database, user: UserRow, now: Date): Promise<SignedIn> {
  const { db } = database;
  await repo.deleteExpiredSessions(db, user.id, now);
  const signed: SignedIn = { token: token(), csrfToken: token(), expiresAt: new Date(now.getTime() + SESSION_TTL_MS) };
  await repo.insertSession(db, {
    tokenHash: await sha256Hex(signed.token),
    userId: user.id,
    tenantId: user.tenant_id,
    csrfToken: signed.csrfToken,
    now,
    expiresAt: signed.expiresAt,
  });
  return signed;
}

export interface ConsoleSession {
  principal: Principal;
  csrfToken: string;
  email: string;
  displayName: string;
  expiresAt: Date;
}

/**
 * The session a cookie names, as the same principal an API key resolves to (its keyId is the user id),
 * or undefined when it is unknown, expired, idle too long or its account is disabled.
 */
export async function resolveSession(
  deps: Pick<SessionDeps, 'database' | 'clock'>,
  cookie: string,
): Promise<ConsoleSession | undefined> {
  const now = deps.clock.now();
  const tokenHash = await sha256Hex(cookie);
  const found = await repo.findLiveSession(deps.database.db, tokenHash, now);
  if (!found) return undefined;
  const { session, user } = found;
  if (new Date(session.last_seen_at).getTime() + SESSION_IDLE_MS <= now.getTime()) {
    await repo.deleteSession(deps.database.db, tokenHash);
    return undefined;
  }
  await repo.touchSession(deps.database.db, tokenHash, now);
  const role = user.role as UserRole;
  return {
    principal: {
      keyId: user.id,
      tenantId: user.tenant_id,
      role,
      graduateId: null,
      employerId: null,
      via: 'session',
      reviewer: user.reviewer,
      scopes: null,
    },
    csrfToken: session.csrf_token,
    email: user.email,
    displayName: user.display_name,
    expiresAt: new Date(session.expires_at),
  };
}

export async function signOut(database: Database, cookie: string): Promise<void> {
  await repo.deleteSession(database.db, await sha256Hex(cookie));
}

/** Compares two tokens in time independent of where they differ. */
export function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
