import type { Context } from 'hono';
import type { DocsAssets } from './docs.ts';
import type { Logger } from '../logger.ts';
import type { JobQueue } from '../queue/port.ts';
import type { Clock } from '../services/context.ts';
import type { MatchingProvider } from '../services/matching/deps.ts';
import type { TokenSettings } from '../services/identity/apps.ts';
import type { TokenRateLimits } from '../services/rate-limit/tokens.ts';
import type { DatabaseProvider } from './middleware/database.ts';
import type { ShedOptions } from './middleware/shed-load.ts';

/** What createApp (src/app.ts) is built from; here so routes can name parts of it without importing the app. */
export interface AppDeps {
  database: DatabaseProvider;
  clock: Clock;
  logger: Logger;
  maxBodyBytes: number;
  /** Largest import file (POST /v1/imports/{kind}); default 50 MB. */
  maxImportBytes?: number;
  version: string;
  /** Matching engine, embedder and impression log; absent in apps that serve no matching. */
  matching?: MatchingProvider;
  /** Issuer and audience of Bole's own tokens (default urn:bole and urn:bole:api). */
  tokens?: TokenSettings;
  /**
   * The limiter and its limits: per app and per graduate for tokens (default 600 and 120 a minute, counted in
   * process) and, when `classes` is set (the entries set it from config), per key and per address by route
   * class plus failed-authentication throttling.
   */
  rateLimits?: TokenRateLimits;
  /** Redis and the workers, for /ready; absent where no background work runs (Workers, route tests). */
  background?: () => Promise<{ redis: 'ok' | 'unavailable'; workers: number | null }>;
  /** Jobs of each kind by state in this deployment's queues, for GET /metrics; absent where no queue runs. */
  queueDepths?: () => Promise<Readonly<Record<string, Readonly<Record<string, number>>>> | null>;
  /** This process's job queue for the operators' queue view (null while Redis is away); absent where none runs. */
  jobQueue?: () => JobQueue | null;
  /** The client's address as the runtime knows it (per-address limits); absent counts all as one. */
  clientAddress?: (c: Context) => string;
  /** Served over https (PUBLIC_BASE_URL is https): answers carry Strict-Transport-Security. */
  https?: boolean;
  /** A request unanswered after this many milliseconds gets 503 (imports excepted); absent: no limit. */
  requestTimeoutMs?: number;
  /** Load shedding: 503 with Retry-After at once while the process is overloaded; absent: never shed. */
  shed?: ShedOptions;
  /** Embedding requests one key may have in flight at once (POST /v1/embeddings; default 2). */
  embeddingsPerKey?: number;
  /** The API reference UI's files (swagger-ui-dist) for /docs; absent where the runtime cannot read them. */
  docsAssets?: DocsAssets;
}
