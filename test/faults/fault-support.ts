import { superviseBackground, type Supervisor } from '../../jobs/worker.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadMigrations } from '../../src/storage/migrations-fs.ts';
import postgres from 'postgres';
import type { OwnPostgres } from '../support/own-services.ts';
import type { TestResponse } from '../support/app.ts';

/** A migrated database `bole` on the test's own PostgreSQL server. */
export async function migratedDatabase(pg: OwnPostgres, max = 8): Promise<{ url: string; database: Database }> {
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database bole');
  await admin.end();
  const url = pg.urlOf('bole');
  const database = await openPostgres(url, { max });
  await migrate(database, await loadMigrations());
  return { url, database };
}

/** The background supervisor as `npm start` runs it, with short timings so a test sees recovery. */
export function background(database: Database, redisUrl: string, logger: Logger = silentLogger): Supervisor {
  return superviseBackground({
    ctx: systemContext({ database, clock: systemClock, logger }),
    redisUrl,
    retryMs: 300,
    say: () => {},
    sweep: { afterMs: 4_000, intervalMs: 1_000 },
    stallMs: 3_000,
  });
}

/** What a fault test checks of every answer: success, or 503 problem+json with Retry-After; never a hang. */
export interface Tally {
  byStatus: Map<number, number>;
  bad: string[];
  hung: number;
  hungWhat: string[];
}

export const newTally = (): Tally => ({ byStatus: new Map(), bad: [], hung: 0, hungWhat: [] });

const HANG_MS = 15_000;

/** Runs one call with a hang bound (`hangMs`, default 15 s), and records it in the tally. */
export async function tallied<T>(
  tally: Tally,
  call: () => Promise<TestResponse<T>>,
  what = '',
  hangMs = HANG_MS,
): Promise<TestResponse<T> | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), hangMs);
  });
  const r = await Promise.race([call(), hang]);
  clearTimeout(timer);
  if (!r) {
    tally.hung++;
    tally.hungWhat.push(what);
    return null;
  }
  tally.byStatus.set(r.status, (tally.byStatus.get(r.status) ?? 0) + 1);
  if (r.status >= 500) {
    // Readiness answers its own health body (status unavailable); every other 503 is problem+json.
    const problemJson = what === 'GET ready' || r.headers.get('content-type')?.includes('application/problem+json');
    if (r.status !== 503 || !r.headers.get('retry-after') || !problemJson)
      tally.bad.push(`${r.status} ${r.headers.get('content-type')} ${r.text.slice(0, 200)}`);
  }
  return r;
}
