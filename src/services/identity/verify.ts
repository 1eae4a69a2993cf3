import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DomainError } from '../../domain/errors.ts';
import type { Database } from '../../storage/db.ts';
import { findGraduate, findGraduateByExternalId } from '../../storage/graduates.repo.ts';
import * as repo from '../../storage/identity.repo.ts';
import type { Clock, Principal } from '../context.ts';
import type { TokenSettings } from './apps.ts';
import { parseScopes } from './providers.ts';
import { MAX_TOKEN_SECONDS, TOKEN_ALG, verificationKey } from './signing.ts';

/** Which check a token failed; the 401 names it (`check`) so an app's developer knows what to fix. */
type TokenCheck =
  | 'format'
  | 'issuer'
  | 'audience'
  | 'expiry'
  | 'not_before'
  | 'kid'
  | 'signature'
  | 'jwks'
  | 'app_revoked'
  | 'subject'
  | 'claims';

const fail = (check: TokenCheck, why: string) =>
  new DomainError('unauthenticated', `The token failed the ${check} check: ${why}`, { extra: { check } });

/** Clocks of Bole and a provider may differ a little. */
const CLOCK_TOLERANCE_S = 30;

/** jose's verification errors, as the check that failed. */
function asCheckFailure(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof errors.JWTExpired) return fail('expiry', 'the token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return fail('audience', 'the token is not for this audience.');
    if (error.claim === 'iss') return fail('issuer', 'the token is not from the expected issuer.');
    if (error.claim === 'nbf') return fail('not_before', 'the token is not valid yet.');
    return fail('claims', `the ${error.claim} claim is not acceptable.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return fail('kid', "no published key of the issuer matches the token's kid.");
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return fail('signature', 'the signature does not verify.');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return fail('jwks', "the issuer's keys could not be fetched.");
  if (error instanceof errors.JOSEError) return fail('format', 'the token is not a valid signed JWT.');
  return fail('jwks', "the issuer's keys could not be fetched.");
}

/** One remote key set per JWKS URL, so keys are fetched once and refetched only for an unknown kid. */
const remoteSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function remoteKeys(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = remoteSets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    remoteSets.set(url, set);
  }
  return set;
}

const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * The principal for a bearer JWT: Bole's own app token (its issuer) or a token of a provider some tenant
 * trusts. Checked as strictly as a key: signature against a published key, issuer, audience, expiry
 * and not-before, then the app must not be revoked and the graduate must exist in the tenant.
 */
export async function authenticateToken(
  deps: { database: Database; clock: Clock; tokens: TokenSettings },
  token: string,
): Promise<Principal> {
  if (!looksLikeJwt(token)) throw fail('format', 'the token is not a JWT.');
  let claims: JWTPayload;
  let kid: string | undefined;
  try {
    claims = decodeJwt(token);
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw fail('format', 'the token is not a JWT.');
  }
  const now = deps.clock.now();
  try {
    return claims.iss === deps.tokens.issuer
      ? await appPrincipal(deps, token, kid, now)
      : await providerPrincipal(deps.database, token, claims.iss, now);
  } catch (error) {
    throw asCheckFailure(error);
  }
}

async function appPrincipal(
  deps: { database: Database; tokens: TokenSettings },
  token: string,
  kid: string | undefined,
  now: Date,
): Promise<Principal> {
  const key = kid ? await verificationKey(deps.database, kid, now) : undefined;
  if (!key) throw fail('kid', 'the token was not signed with a key Bole publishes.');
  const { payload } = await jwtVerify(token, key, {
    issuer: deps.tokens.issuer,
    audience: deps.tokens.audience,
    algorithms: [TOKEN_ALG],
    currentDate: now,
    clockTolerance: CLOCK_TOLERANCE_S,
    maxTokenAge: MAX_TOKEN_SECONDS + CLOCK_TOLERANCE_S,
    requiredClaims: ['exp', 'iat', 'sub'],
  });
  const app =
    typeof payload.client_id === 'string'
      ? await repo.findAppByClientId(deps.database.db, payload.client_id)
      : undefined;
  if (!app || app.revoked_at || app.id !== payload.app || app.tenant_id !== payload.tid)
    throw fail('app_revoked', 'the app that obtained the token is revoked.');
  const graduate = payload.sub ? await findGraduate(deps.database.db, app.tenant_id, payload.sub) : undefined;
  if (!graduate) throw fail('subject', "the token's graduate is not in the tenant.");
  const granted = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  const scopes = parseScopes(app.scopes).filter((s) => granted.includes(s));
  return {
    keyId: app.id,
    tenantId: app.tenant_id,
    role: 'graduate',
    graduateId: graduate.id,
    employerId: null,
    via: 'app',
    scopes,
  };
}

async function providerPrincipal(
  database: Database,
  token: string,
  issuer: string | undefined,
  now: Date,
): Promise<Principal> {
  const providers = issuer ? await repo.providersByIssuer(database.db, issuer) : [];
  if (providers.length === 0) throw fail('issuer', 'no tenant trusts this issuer.');
  let lastError: unknown = undefined;
  // Each tenant trusting the issuer has its own audience; the token is for (at most) one of them.
  for (const p of providers) {
    try {
      const { payload } = await jwtVerify(token, remoteKeys(p.jwks_url), {
        issuer: p.issuer,
        audience: p.audience,
        currentDate: now,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp'],
        algorithms: ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
      });
      const externalId = payload[p.claim];
      if (typeof externalId !== 'string' || externalId === '') throw fail('claims', `the ${p.claim} claim is missing.`);
      const graduate = await findGraduateByExternalId(database.db, p.tenant_id, externalId);
      if (!graduate) throw fail('subject', "the token's subject is not a graduate of the tenant.");
      return {
        keyId: p.id,
        tenantId: p.tenant_id,
        role: 'graduate',
        graduateId: graduate.id,
        employerId: null,
        via: 'provider',
        scopes: parseScopes(p.scopes),
      };
    } catch (error) {
      lastError = error;
      if (!(error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')) break;
    }
  }
  throw lastError;
}
