import { createMiddleware } from 'hono/factory';
import type { Database } from '../../storage/db.ts';
import type { AppEnv } from '../env.ts';

/**
 * How a request gets its database: Node shares one pool for the process; a Worker opens a connection per
 * request (Hyperdrive pools them) because sockets may not cross requests there.
 */
export interface DatabaseProvider {
  acquire(): Promise<{ database: Database; release(): Promise<void> }>;
}

export const sharedDatabase = (database: Database): DatabaseProvider => ({
  acquire: async () => ({ database, release: async () => {} }),
});

export const withDatabase = (provider: DatabaseProvider) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const lease = await provider.acquire();
    c.set('database', lease.database);
    try {
      await next();
    } finally {
      await lease.release();
    }
  });
