import type { Role } from '../domain/model/common.ts';
import type { Logger } from '../logger.ts';
import type { JobQueue } from '../queue/port.ts';
import type { Database } from '../storage/db.ts';

/**
 * Who is calling: resolved from the credential, never from the request body. An API key, an app's token
 * for one graduate and a trusted provider's token all resolve to this one shape.
 */
export interface Principal {
  /** The key, app or provider that vouched for the caller (recorded as the actor in every log). */
  readonly keyId: string;
  readonly tenantId: string;
  readonly role: Role;
  readonly graduateId: string | null;
  readonly employerId: string | null;
  /** How the caller signed in; absent means an API key. A console session's keyId is the person's user id. */
  readonly via?: 'key' | 'app' | 'provider' | 'session';
  /** A person signed in to the console: a career office member who may decide reviews and appeals. */
  readonly reviewer?: boolean;
  /** What a token may do ('read', 'write', 'erase'); null or absent means everything the role may. */
  readonly scopes?: readonly string[] | null;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface IdSource {
  newId(): string;
}
export const newId = (): string => crypto.randomUUID();
export const randomIds: IdSource = { newId };

/** On whose behalf the work runs: a caller with a key, or the system itself (a job, a schedule, a start-up task). */
type Actor =
  { readonly kind: 'principal'; readonly principal: Principal } | { readonly kind: 'system'; readonly job: string };

/**
 * What every use-case receives, in requests and in jobs alike: storage, the time, ids, the log, the queue
 * (when one is connected; use-cases that must not lose work write to the outbox instead) and the actor.
 */
export interface SystemContext {
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
  readonly queue?: JobQueue | undefined;
  readonly actor: Actor;
  /**
   * Waits until this process's buffered writes (served lists' impressions, written in batches a few
   * milliseconds after the response) have landed. A use-case that looks up something an earlier response
   * reported, such as an impression id, calls it first, so a graduate who flags a list at once is not refused.
   */
  readonly settle?: (() => Promise<void>) | undefined;
  /**
   * The request this work serves: set on a request's context, and in a job to the id of the request that
   * enqueued it, so jobs the work enqueues in turn (an audit's alert webhooks) carry it further.
   */
  readonly requestId?: string | undefined;
}

/** The context of an HTTP request: a caller with a key, and the request id that ties logs and errors together. */
export interface ServiceContext extends SystemContext {
  readonly principal: Principal;
  readonly requestId: string;
}

/** A context for background work done by the system (`job` names it in logs and records). */
export function systemContext(
  parts: Pick<SystemContext, 'database' | 'clock' | 'logger'> & Partial<Pick<SystemContext, 'ids' | 'queue'>>,
  job = 'background',
): SystemContext {
  return { ids: randomIds, ...parts, actor: { kind: 'system', job } };
}

/**
 * Runs `fn` in a transaction: the one `ctx` is already in, or a new one. Use-cases that write several rows
 * call it, so two of them compose into one transaction when the outer caller opened one first.
 */
export async function withTransaction<C extends SystemContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  if (ctx.database.db.isTransaction) return fn(ctx);
  return ctx.database.db.transaction().execute((trx) => fn({ ...ctx, database: { ...ctx.database, db: trx } }));
}
