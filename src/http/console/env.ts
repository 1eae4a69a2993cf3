import type { Lang } from '../../domain/model/common.ts';
import type { ConsoleSession } from '../../services/people/sessions.ts';
import type { Context } from 'hono';
import type { Logger } from '../../logger.ts';
import type { JobQueue } from '../../queue/port.ts';
import type { Clock } from '../../services/context.ts';
import type { RateLimiter } from '../../services/rate-limit/port.ts';
import type { MatchingProvider } from '../../services/matching/deps.ts';
import type { AppVariables } from '../env.ts';
import type { DatabaseProvider } from '../middleware/database.ts';

export interface ConsoleVariables extends AppVariables {
  lang: Lang;
  /** The signed-in person, on every page but the sign-in page and the assets. */
  session: ConsoleSession;
  /** The parsed form of a POST, after its CSRF token was checked. */
  form: Record<string, string>;
}

export interface ConsoleEnv {
  Variables: ConsoleVariables;
}

/** What the console is built from (createApp passes its own dependencies). */
export interface ConsoleDeps {
  database: DatabaseProvider;
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  /** Sign-in attempts a window per account and per address (RATE_LIMIT_LOGIN); absent: SIGN_IN_LIMITS a minute. */
  signInLimits?: { perAccount: number; perAddress: number; windowSeconds: number } | undefined;
  /** The client's address, for the per-address sign-in limit (each runtime knows it its own way). */
  clientAddress: (c: Context) => string;
  matching?: MatchingProvider | undefined;
  /** The job queue for the queue view (null while Redis is away); absent where no queue runs. */
  jobQueue?: (() => JobQueue | null) | undefined;
}
