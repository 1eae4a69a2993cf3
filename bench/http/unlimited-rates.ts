/**
 * Rate limits no benchmark reaches: the benches measure capacity, not the limiter (four connections on one key would
 * be 429s within a second), counted in memory so that no Redis is needed.
 */
export const UNLIMITED_RATE_LIMITS = {
  RATE_LIMIT_STORE: 'memory',
  RATE_LIMIT_READ: '9999999/99999999',
  RATE_LIMIT_SEARCH: '9999999/99999999',
  RATE_LIMIT_WRITE: '9999999/99999999',
  RATE_LIMIT_PER_APP: '10000000',
  RATE_LIMIT_PER_GRADUATE: '1000000',
} as const;
