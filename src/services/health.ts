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

/** Whether an error means the database is unreachable or dropped the connection: a 503 to retry, not a 500. */
export const databaseUnavailable = (error: unknown): boolean => isConnectionLoss(error);
