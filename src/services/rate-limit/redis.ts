import { Redis } from 'ioredis';
import { waitMs } from '../../domain/rate-limit.ts';
import type { Logger } from '../../logger.ts';
import type { Clock } from '../context.ts';
import { memoryRateLimiter } from './memory.ts';
import type { RateLimiter, RateRule } from './port.ts';

/**
 * Reads both windows and, when allowed (or when recording), increments the current one, in one script:
 * Redis runs a script atomically, so two instances can never both take the last request of a window.
 * Returns the counts as they were before this request; the caller decides with src/domain/rate-limit.ts.
 */
const SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local w = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local mode = ARGV[4]
local allowed = (previous * (w - elapsed) / w + current + 1) <= limit
if mode == 'record' or (mode == 'hit' and allowed) then
  local n = redis.call('INCR', KEYS[1])
  if n == 1 then redis.call('PEXPIRE', KEYS[1], w * 2 + 1000) end
end
return {current, previous}
`;

type Mode = 'hit' | 'peek' | 'record';
interface ScriptedRedis extends Redis {
  boleRateWindow(
    current: string,
    previous: string,
    limit: number,
    w: number,
    elapsed: number,
    mode: Mode,
  ): Promise<[number, number]>;
}

export interface RedisLimiterOptions {
  url: string;
  /** Keys are `<prefix>{<key>}:<window>`; a deployment's prefix keeps two deployments on one Redis apart. */
  prefix: string;
  clock: Clock;
  logger: Logger;
  /** How long a count may take before the request is counted in memory instead (default 250 ms). */
  commandTimeoutMs?: number;
}

/**
 * Sliding windows kept in Redis, shared by every instance of the deployment. When Redis does not answer
 * (down, restarting, slow) the request is counted by an in-process limiter instead: limits keep holding
 * per instance, and a Redis outage never turns into refused or hanging requests.
 */
export function redisRateLimiter(
  options: RedisLimiterOptions,
): RateLimiter & { close(): Promise<void>; ready(timeoutMs: number): Promise<boolean> } {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
  }) as ScriptedRedis;
  redis.defineCommand('boleRateWindow', { numberOfKeys: 2, lua: SCRIPT });
  let lastWarned = 0;
  redis.on('error', () => undefined); // reported once a minute below, when a count falls back
  const fallback = memoryRateLimiter(options.clock);
  const degraded = (error: unknown) => {
    const now = Date.now();
    if (now - lastWarned > 60_000) {
      lastWarned = now;
      options.logger.warn('rate_limit_redis_unavailable', {
        error: error instanceof Error ? error.message : String(error),
        fallback: 'memory',
      });
    }
  };
  const run = async (key: string, rule: RateRule, mode: Mode): Promise<number> => {
    // Not connected (yet, or any more): count in memory at once rather than wait for a reconnection.
    if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
    const windowMs = rule.windowSeconds * 1000;
    const now = options.clock.now().getTime();
    const index = Math.floor(now / windowMs);
    const base = `${options.prefix}{${key}}:`;
    const [current, previous] = await redis.boleRateWindow(
      `${base}${index}`,
      `${base}${index - 1}`,
      rule.limit,
      windowMs,
      now - index * windowMs,
      mode,
    );
    return Math.ceil(waitMs({ current, previous, elapsed: now - index * windowMs }, windowMs, rule.limit) / 1000);
  };
  return {
    async hit(key, rule) {
      try {
        return await run(key, rule, 'hit');
      } catch (error) {
        degraded(error);
        return fallback.hit(key, rule);
      }
    },
    async peek(key, rule) {
      try {
        return await run(key, rule, 'peek');
      } catch (error) {
        degraded(error);
        return fallback.peek(key, rule);
      }
    },
    async record(key, rule) {
      try {
        await run(key, rule, 'record');
      } catch (error) {
        degraded(error);
        await fallback.record(key, rule);
      }
    },
    describe: () => (redis.status === 'ready' ? 'redis' : 'redis (memory while Redis is unreachable)'),
    /** Waits (at most `timeoutMs`) for the connection; whether Redis counts from now on. */
    async ready(timeoutMs) {
      if (redis.status === 'ready') return true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return (redis.status as string) === 'ready';
    },
    async close() {
      redis.disconnect();
    },
  };
}
