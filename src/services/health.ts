import { pingDatabase, type Database } from '../storage/db.ts';
import { isConnectionLoss } from '../storage/postgres-js-dialect.ts';
import { availableBackend, type KernelBackend } from '../domain/search/simd/arena.ts';

/** Readiness: the database answers a trivial query. */
export async function databaseAnswers(database: Database): Promise<boolean> {
  return pingDatabase(database.db);
}

/** Where large matching indexes run their scans on this runtime (arena.ts; results are the same either way). */
export function matchingKernels(): KernelBackend {
  return availableBackend();
}

/**
 * Whether an error means the database is unreachable, dropped the connection, or has no connection slot left
 * (53300 too_many_connections, as after a killed process whose connections the server has not yet noticed):
 * a 503 to retry, not a 500. (A full server is not a lost connection: the driver keeps its pool.)
 */
export const databaseUnavailable = (error: unknown): boolean =>
  isConnectionLoss(error) || (error as { code?: unknown } | null)?.code === '53300';
