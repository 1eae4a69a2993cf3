import { z } from 'zod';
import { embedderConfigShape } from './embedders/from-config.ts';

/** Every setting the service reads, in one place; the only file that knows environment variable names. */
/** "perKey/perAddress" requests a rate-limit window, e.g. "120/1200". */
const classLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const m = /^(\d{1,7})\/(\d{1,8})$/.exec(v.trim());
      const perKey = Number(m?.[1]);
      const perAddress = Number(m?.[2]);
      if (!m || perKey < 1 || perAddress < 1) {
        ctx.addIssue({ code: 'custom', message: 'two positive whole numbers, per key/per address, e.g. 120/1200' });
        return z.NEVER;
      }
      return { perKey, perAddress };
    });

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(50_000_000).default(1_048_576),
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1_024).max(500_000_000).default(50_000_000),
  DEMO_SEED: z.coerce.number().int().min(0).default(42),
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  VECTOR_SEARCH: z.enum(['memory', 'pgvector']).default('memory'),
  LSA_DIMENSIONS: z.coerce.number().int().min(16).max(1024).default(256),
  LSA_SEED: z.coerce.number().int().min(0).default(20_261_128),
  /** How often a Node replica reads the active embedder, to follow a switch another replica completed. */
  EMBEDDER_FOLLOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
  PUBLIC_BASE_URL: z.url().optional(),
  /** Namespaces the queues on Redis; default: the id the first migration generated, kept in the database. */
  DEPLOYMENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (1 to 64)')
    .optional(),
  /** A relayed job the queue no longer holds after this long is relayed again (then its run failed). */
  QUEUE_SWEEP_AFTER_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** How long a job's lock lives without renewal: a killed worker's job runs again after about this long. */
  /** On SIGTERM/SIGINT: how long requests in flight and running jobs get to finish before the process exits. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(20),
  JOB_STALL_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** Where rate limits count: Redis at REDIS_URL, shared by every instance (memory while it is unreachable). */
  RATE_LIMIT_STORE: z.enum(['redis', 'memory']).default('redis'),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  RATE_LIMIT_SEARCH: classLimit('120/1200'),
  RATE_LIMIT_WRITE: classLimit('120/1200'),
  RATE_LIMIT_AUDIT: classLimit('10/60'),
  RATE_LIMIT_LOGIN: classLimit('10/30'),
  RATE_LIMIT_READ: classLimit('600/6000'),
  /** Requests a window one app's tokens may make (all its graduates), and those made for one graduate. */
  RATE_LIMIT_PER_APP: z.coerce.number().int().min(1).max(10_000_000).default(600),
  RATE_LIMIT_PER_GRADUATE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Failed authentications one address may make in AUTH_FAILURE_WINDOW_SECONDS before it gets 429. */
  AUTH_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Proxies in front of the service whose X-Forwarded-For entry is trusted (0: the socket's address). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** A request still unanswered after this long gets 503 problem+json (imports excepted). */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3_600).default(30),
  /**
   * How long an idle keep-alive connection stays open (Node's default is 5 s). Longer than the idle timeout of the
   * client or proxy in front, so the server never closes a socket the client has just reused: under load the 5 s
   * timers fired late, after a blocked event loop, and reset connections in bunches (bench:load-faults).
   */
  KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(65),
  /** Requests one process answers at once; one more gets 503 with Retry-After at once (0: no cap). */
  MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(256),
  /** While the event loop lags more than this (ms), new requests get 503 with Retry-After (0: never). */
  SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /**
   * Log `event_loop_blocked` when the event loop was held longer than this (ms), with the statements that ran
   * meanwhile, and `slow_statement` for a PGlite statement that long (0: off). Finds what makes the process shed.
   */
  LOG_EVENT_LOOP_BLOCK_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  /** Embedding requests one key may have in flight at once; more get 429 (POST /v1/embeddings). */
  EMBEDDINGS_CONCURRENCY_PER_KEY: z.coerce.number().int().min(1).max(64).default(2),
  /** Worker threads that run POST /v1/embeddings on Node (0: one fewer than the cores, at least one). */
  EMBEDDINGS_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  /** Characters of embedding requests that may wait for a thread, all keys together; beyond: 503 with Retry-After. */
  EMBEDDINGS_QUEUE_CHARACTERS: z.coerce.number().int().min(1_000).max(100_000_000).default(1_000_000),
  /**
   * Webhook receivers allowed on loopback or private addresses (on-premise), comma-separated: host names,
   * addresses or CIDR ranges, e.g. "alerts.campus.local,10.20.0.0/16". Everything else must be public.
   */
  WEBHOOK_ALLOW_PRIVATE: z.string().max(4_000).default(''),
  /**
   * Key-encryption key for secrets kept in the database (the token signing keys): any string of 32 or more
   * characters (say 32 random bytes in base64), the same in every process. Unset with the embedded database:
   * generated once into DATA_DIR/secrets.key (mode 0600); unset on PostgreSQL or a Worker: keys stay
   * unsealed. SECRETS_KEY_PREVIOUS still opens what the old key sealed during a rotation (README, Operations).
   */
  SECRETS_KEY: z.string().min(32).max(200).optional(),
  SECRETS_KEY_PREVIOUS: z.string().min(32).max(200).optional(),
  ...embedderConfigShape,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a record of strings (process.env, a Workers env) and names every bad variable on failure. */
export function parseConfig(record: Record<string, unknown>): Config {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') picked[key] = value;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
