import { z } from 'zod';
import { embedderConfigShape } from './embedders/from-config.ts';

/** Every setting the service reads, in one place; the only file that knows environment variable names. */
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
