import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { ReservedSql, Sql } from 'postgres';

/**
 * Errors after which a connection's socket is gone: postgres.js's own codes, socket errors, and the server's
 * shutdown and crash-recovery codes (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
 */
const CONNECTION_LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether an error means PostgreSQL cannot be reached or dropped the connection (a 503, not a 500). */
export function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_LOST.has(code);
}

/** A connection-loss error for a query refused before it reached postgres.js. */
const closedError = (): Error =>
  Object.assign(new Error('the database connection was closed (the server restarted or dropped it)'), {
    code: 'CONNECTION_CLOSED',
  });

/** The parts of postgres.js's internal connection this driver reads (src/index.js, reserve() and onclose()). */
interface InternalConnection {
  /** A function while reserved; null once released or closed (onclose sets it to null). */
  reserved: unknown;
}

/**
 * Kysely over postgres.js, replacing kysely-postgres-js for one reason: a query sent on a reserved connection
 * whose socket the server has closed makes postgres.js 3.4 throw from a setImmediate (connection.js:255,
 * `socket.write` on null; porsager/postgres#1154, #1208), which nothing can catch and which killed the process
 * when PostgreSQL restarted. Kysely reserves a connection for every query and transaction; when one fails
 * because the server closed it, kysely-postgres-js released it, and postgres.js's release() put the closed
 * connection back in the open pool, so the next reservation wrote to it. This driver never releases a lost
 * connection, and refuses queries on a reservation postgres.js has marked closed (it learns the internal
 * connection from the `onexecute` option), with a CONNECTION_CLOSED error the caller can catch.
 * (kysely-postgres-js 5 also calls a method of Kysely's `pg` driver it does not have when ROLLBACK fails.)
 */
export class PostgresJsDialect implements Dialect {
  readonly #sql: Sql;
  readonly #create: () => Sql;
  /** `sql` is the first pool; `create` makes a fresh one after the server dropped connections (see the driver). */
  constructor(sql: Sql, create: () => Sql) {
    this.#sql = sql;
    this.#create = create;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PostgresJsDriver(this.#sql, this.#create);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

/**
 * After the server dropped connections (a restart), postgres.js 3.4 can leave a pooled connection whose
 * deferred-write timer was cleared but not reset, so it never sends again and its queries wait forever
 * (reconnecting in a loop). So on the first connection loss the driver swaps in a fresh pool and ends the old
 * one after a short grace: what still waits there is rejected (a 503), not held.
 */
const POOL_SWAP_GRACE_S = 2;

/**
 * How long a query waits for a connection from the pool. postgres.js queues a reservation until a connection
 * opens, without a limit: after a restart a pool whose connections all went bad held such a request for good
 * (bench:load-faults saw one in ~1000 wait past 15 s). Past this it fails as a connection loss (a 503 with
 * Retry-After); several in a row with no connection handed out mean the pool is wedged, and it is replaced.
 */
export const ACQUIRE_TIMEOUT_MS = 5_000;
const WEDGED_AFTER_TIMEOUTS = 3;

const acquireTimeout = (): Error =>
  Object.assign(new Error(`no database connection within ${ACQUIRE_TIMEOUT_MS} ms (the server is away or busy)`), {
    code: 'CONNECT_TIMEOUT',
  });

class PostgresJsDriver implements Driver {
  #sql: Sql;
  readonly #create: () => Sql;
  #swappedAt = 0;
  readonly #ending = new Set<Promise<void>>();
  constructor(sql: Sql, create: () => Sql) {
    this.#sql = sql;
    this.#create = create;
  }
  async init(): Promise<void> {}
  #timeoutsInARow = 0;
  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = this.#sql;
    const reserving = pool.reserve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ACQUIRE_TIMEOUT_MS);
    });
    try {
      const reserved = await Promise.race([reserving, late]);
      if (reserved) {
        this.#timeoutsInARow = 0;
        return new PostgresJsConnection(reserved, () => this.#swapPool());
      }
    } finally {
      clearTimeout(timer);
    }
    // Too late: a connection that still comes is handed straight back.
    reserving.then(
      (r) => r.release(),
      () => undefined,
    );
    if (++this.#timeoutsInARow >= WEDGED_AFTER_TIMEOUTS && pool === this.#sql) {
      this.#timeoutsInARow = 0;
      this.#swapPool();
    }
    throw acquireTimeout();
  }
  #swapPool(): void {
    const now = performance.now();
    if (now - this.#swappedAt < 1_000) return;
    this.#swappedAt = now;
    const old = this.#sql;
    this.#sql = this.#create();
    const ending = old
      .end({ timeout: POOL_SWAP_GRACE_S })
      .catch(() => undefined)
      .finally(() => this.#ending.delete(ending));
    this.#ending.add(ending);
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const mode = settings.accessMode ? ` ${settings.accessMode}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}${mode}`));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof PostgresJsConnection) connection.release();
  }
  async destroy(): Promise<void> {
    await Promise.all([this.#sql.end({ timeout: 5 }), ...this.#ending]);
  }
}

/**
 * Empties a query postgres.js has answered of its values and rows (the caller has its own array of the rows).
 * postgres.js 3.4.9 leaves each answered query reachable to the young generation's collections (only a full
 * collection frees it; the path was not traced), so every query's parameters and rows were copied and promoted by
 * each scavenge until the next major collection: the impressions inserts' JSON texts, a graduate's row, a list's
 * cards, 2-9 MB a scavenge at 100k and most of its 10-40 ms (bench/serve-stages.ts --trace-gc-nvp, 2026-12-07).
 */
function letGo(query: object, result: unknown[]): void {
  result.length = 0;
  const fields = query as { args?: unknown; parameters?: unknown };
  fields.args = null;
  fields.parameters = null;
}

class PostgresJsConnection implements DatabaseConnection {
  readonly #reserved: ReservedSql;
  readonly #onLoss: () => void;
  #internal: InternalConnection | null = null;
  /** `reserved` as reserve() set it for this reservation: a closed connection may be reserved again by another. */
  #mark: unknown = null;
  #lost: unknown = null;
  constructor(reserved: ReservedSql, onLoss: () => void) {
    this.#reserved = reserved;
    this.#onLoss = onLoss;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Closed since the last query (no query was in flight to tell us): sending would crash the process.
    if (this.#internal && this.#internal.reserved !== this.#mark) this.#lost ??= closedError();
    if (this.#lost) throw this.#lost;
    try {
      const query = this.#reserved.unsafe(
        compiled.sql,
        [...compiled.parameters] as never[],
        {
          prepare: true,
          onexecute: (connection: InternalConnection) => {
            if (!this.#internal) {
              this.#internal = connection;
              this.#mark = connection.reserved;
            }
            return true;
          },
        } as Parameters<ReservedSql['unsafe']>[2],
      );
      const result = await query;
      const { command, count } = result;
      const affected = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
      const rows = Array.from(result) as R[];
      letGo(query, result);
      return { rows, ...(affected ? { numAffectedRows: BigInt(count) } : {}) };
    } catch (error) {
      if (isConnectionLoss(error)) {
        this.#lost = error;
        this.#onLoss();
      }
      throw error;
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not used: page with keyset queries instead.');
  }

  /**
   * Hands the connection back, unless it was lost: postgres.js's release() puts a connection in the open pool
   * whatever its state, so a closed one would be reserved next and written to with no socket (the crash).
   * A lost connection stays where postgres.js's close handler put it, and is reconnected when needed.
   */
  release(): void {
    if (this.#lost || (this.#internal && this.#internal.reserved !== this.#mark)) return;
    this.#reserved.release();
  }
}
