import type { RateRule } from './port.ts';

/**
 * Route classes, each with its own limits (RATE_LIMIT_<CLASS> in src/config.ts):
 * - search: search, recommendations, candidates, explanations, matching, embeddings (the costly reads);
 * - audit: audits, external audits, job-fair assignments and imports (each starts heavy background work);
 * - login: sign-in, the token exchange and employer sign-up (where credentials are guessed);
 * - write: every other POST, PUT, PATCH and DELETE;
 * - read: every other request.
 */
export const ROUTE_CLASSES = ['search', 'write', 'audit', 'login', 'read'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

const SEARCH: readonly RegExp[] = [
  /^\/v1\/jobs\/search$/,
  /^\/v1\/graduates\/[^/]+\/recommendations(\/[^/]+\/explanation)?$/,
  /^\/v1\/jobs\/[^/]+\/candidates(\/[^/]+\/explanation)?$/,
  /^\/v1\/graduates\/[^/]+\/(skill-advice|jobs\/[^/]+\/why-not)$/,
  /^\/v1\/(match|embeddings)$/,
];
const AUDIT: readonly RegExp[] = [
  /^\/v1\/audits(\/external)?$/,
  /^\/v1\/job-fairs\/[^/]+\/assignments$/,
  /^\/v1\/imports\/[^/]+$/,
];
const LOGIN: readonly RegExp[] = [
  /^\/v1\/oauth\/token$/,
  /^\/v1\/tenants\/[^/]+\/employer-registrations$/,
  /^\/console\/login$/,
];

export function routeClass(method: string, path: string): RouteClass {
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const write = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  if (write && LOGIN.some((r) => r.test(p))) return 'login';
  if (write && AUDIT.some((r) => r.test(p))) return 'audit';
  if (SEARCH.some((r) => r.test(p))) return 'search';
  return write ? 'write' : 'read';
}

/** Requests a window one key (or one graduate, for a token) and one client address may make in a class. */
export interface ClassLimit {
  perKey: number;
  perAddress: number;
}

export interface RateLimitSettings {
  windowSeconds: number;
  classes: Readonly<Record<RouteClass, ClassLimit>>;
  /** Failed authentications (unknown keys, bad tokens, wrong client secrets) per address before a 429. */
  authFailures: RateRule;
}

export const DEFAULT_CLASS_LIMITS: Readonly<Record<RouteClass, ClassLimit>> = {
  search: { perKey: 120, perAddress: 1_200 },
  write: { perKey: 120, perAddress: 1_200 },
  audit: { perKey: 10, perAddress: 60 },
  login: { perKey: 10, perAddress: 30 },
  read: { perKey: 600, perAddress: 6_000 },
};
