import { Kysely, sql } from 'kysely';
import postgres from 'postgres';
import type { Database } from './db.ts';
import { PostgresJsDialect } from './postgres-js-dialect.ts';
import type { DB } from './schema.ts';

export interface PostgresOptions {
  /** Pool size; a Worker uses 1 because its sockets live for one request. */
  max?: number;
  /**
   * Query pg_available_extensions at open time to set `hasVector` (default true). A Worker opens a client
   * per request and skips it (hasVector is then false): a round trip per request for a flag no route reads.
   */
  detectVector?: boolean;
  /** Every query's SQL, parameters and time (benchmarks use it to EXPLAIN what the services ran). */
  onQuery?: (query: { sql: string; parameters: readonly unknown[]; ms: number }) => void;
  /** Seconds to wait for a new connection (5). Benchmarks on a loaded machine wait longer rather than fail. */
  connectTimeout?: number;
}

const jsonParam = (x: unknown): string => (typeof x === 'string' ? x : JSON.stringify(x));

/** PostgreSQL through postgres.js: works on Node and, with nodejs_compat, on Workers (Hyperdrive). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const create = () =>
    postgres(url, {
      max: options.max ?? 10,
      // fetch_types stays on although it costs a catalog query per new connection: with it off, postgres.js
      // 3.4.9 never settles reserve() on a cold pool, which Kysely uses for every query (porsager/postgres#751),
      // and text[] parameters fail to serialize (#1164).
      onnotice: () => {},
      // Dates stay Date objects and bigints stay strings; int8 counts are cast in SQL where needed.
      // JIT off: the analytics reads expand jsonb arrays, whose row estimates (100 per call, multiplied) make
      // the planner JIT-compile them; compiling took 2.8 s of a 4.1 s skills query that runs in 0.9 s without.
      connection: { application_name: 'bole', jit: 'off' },
      // A server that does not answer fails a request in seconds (a 503) rather than holding it for 30 s.
      connect_timeout: options.connectTimeout ?? 5,
      // The repositories hand json/jsonb values over as JSON text (as PGlite takes them). postgres.js would
      // JSON-encode that text again and store a JSON string; pass text through and encode only objects.
      types: {
        json: { to: 114, from: [114], serialize: jsonParam, parse: (x: string) => JSON.parse(x) as unknown },
        jsonb: { to: 3802, from: [3802], serialize: jsonParam, parse: (x: string) => JSON.parse(x) as unknown },
      },
    });
  const client = create();
  const onQuery = options.onQuery;
  const db = new Kysely<DB>({
    dialect: new PostgresJsDialect(client, create),
    ...(onQuery
      ? {
          log: (event) =>
            onQuery({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis }),
        }
      : {}),
  });
  let hasVector = false;
  if (options.detectVector ?? true) {
    const ext = await sql<{
      available: boolean;
    }>`select exists(select 1 from pg_available_extensions where name = 'vector') as available`.execute(db);
    hasVector = ext.rows[0]?.available === true;
  }
  return {
    db,
    kind: 'postgres',
    hasVector,
    async execScript(script) {
      await client.unsafe(script).simple();
    },
    async close() {
      await db.destroy();
    },
  };
}
