import { storedDeploymentId } from '../storage/deployment.repo.ts';
import type { Database } from '../storage/db.ts';

/**
 * The id that namespaces this deployment's queues on Redis: DEPLOYMENT_ID when configured, else the one
 * the migration generated and keeps in the database (so every process on one database agrees on it).
 */
export async function deploymentId(database: Database, configured?: string): Promise<string> {
  if (configured) return configured;
  const stored = await storedDeploymentId(database.db);
  if (!stored) throw new Error('The database has no deployment id: run the migrations (npm run migrate).');
  return stored;
}

/** The Redis key prefix of a deployment's BullMQ queues, schedulers and locks. */
export const queuePrefix = (id: string): string => `bole:${id}`;
