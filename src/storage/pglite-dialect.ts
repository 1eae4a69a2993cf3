import type { PGlite } from '@electric-sql/pglite';
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

/**
 * Kysely over PGlite. PGlite is one connection, so the driver hands it out to one Kysely connection at
 * a time (a FIFO lock): a transaction's statements never interleave with another request's.
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  readonly #onStatement: StatementTiming | undefined;
  /** `onStatement` hears how long each statement took (on this thread: PGlite runs in it). */
  constructor(pglite: PGlite, onStatement?: StatementTiming) {
    this.#pglite = pglite;
    this.#onStatement = onStatement;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite, this.#onStatement);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

/** Told the text of each statement and its milliseconds. */
export type StatementTiming = (sql: string, ms: number) => void;

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #onStatement: StatementTiming | undefined;
  #tail: Promise<void> = Promise.resolve();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(pglite: PGlite, onStatement?: StatementTiming) {
    this.#pglite = pglite;
    this.#onStatement = onStatement;
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release: () => void = () => {};
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    await previous;
    const connection = new PGliteConnection(this.#pglite, this.#onStatement);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection)?.();
  }
  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #onStatement: StatementTiming | undefined;
  constructor(pglite: PGlite, onStatement?: StatementTiming) {
    this.#pglite = pglite;
    this.#onStatement = onStatement;
  }
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const started = this.#onStatement ? performance.now() : 0;
    const result = await this.#pglite.query<R>(compiled.sql, [...compiled.parameters]);
    this.#onStatement?.(compiled.sql, performance.now() - started);
    const affected = result.affectedRows;
    return affected === undefined ? { rows: result.rows } : { rows: result.rows, numAffectedRows: BigInt(affected) };
  }
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream; page with keyset queries instead.');
  }
}
