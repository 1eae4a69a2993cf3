import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { DomainError, notFound } from '../../domain/errors.ts';
import { sha256Hex } from '../../domain/sha256.ts';
import type { Database } from '../../storage/db.ts';
import * as oidcRepo from '../../storage/console-oidc.repo.ts';
import { findUserByEmail } from '../../storage/users.repo.ts';
import { tenantExists } from '../../storage/api-keys.repo.ts';
import { newId, type Clock } from '../context.ts';
import { openSession, sameToken, token, type SignedIn } from './sessions.ts';

/**
 * OpenID Connect sign-in to the console (authorization code flow with PKCE S256, state and nonce) against the
 * identity provider a tenant configured. The provider vouches for an email; the person signs in to the account of
 * that tenant with that email, which an operator created beforehand: a sign-in never creates an account.
 */

/** A sign-in must come back from the provider within 10 minutes. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

interface Discovered {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

/** Discovery documents and key sets per issuer, for the process's (or isolate's) life; jose refreshes the keys. */
const discovered = new Map<string, Promise<Discovered>>();

const refused = (why: string) => new DomainError('unauthenticated', why);

async function discover(issuer: string): Promise<Discovered> {
  let found = discovered.get(issuer);
  if (!found) {
    found = (async () => {
      const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!res.ok) throw new DomainError('unavailable', `The identity provider's discovery answered ${res.status}.`);
      const doc = (await res.json()) as Record<string, unknown>;
      const { authorization_endpoint: auth, token_endpoint: tokenUrl, jwks_uri: jwks } = doc;
      if (doc.issuer !== issuer || typeof auth !== 'string' || typeof tokenUrl !== 'string' || typeof jwks !== 'string')
        throw new DomainError('unavailable', "The identity provider's discovery document does not fit its issuer.");
      return { authorizationEndpoint: auth, tokenEndpoint: tokenUrl, jwks: createRemoteJWKSet(new URL(jwks)) };
    })();
    // A failed discovery is tried again at the next sign-in, not remembered.
    found.catch(() => discovered.delete(issuer));
    discovered.set(issuer, found);
  }
  return found;
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export interface SignInProvider {
  id: string;
  label: string;
}

/** The providers the sign-in page offers, one button each. */
export async function signInProviders(database: Database): Promise<SignInProvider[]> {
  return (await oidcRepo.listOidcProviders(database.db)).map((p) => ({ id: p.id, label: p.label }));
}

/**
 * Starts a sign-in: records its state (hashed), nonce and PKCE verifier, and returns the provider's authorization
 * URL and the state, which the browser keeps in a cookie so the answer is accepted only in the browser that asked.
 */
export async function startOidcSignIn(
  deps: { database: Database; clock: Clock },
  input: { providerId: string; redirectUri: string; next: string },
): Promise<{ url: string; state: string }> {
  const provider = await oidcRepo.findOidcProvider(deps.database.db, input.providerId);
  if (!provider) throw notFound('The identity provider');
  const endpoints = await discover(provider.issuer);
  const state = token();
  const nonce = token();
  const verifier = token(48);
  await oidcRepo.insertOidcLogin(deps.database.db, {
    stateHash: await sha256Hex(state),
    providerId: provider.id,
    tenantId: provider.tenant_id,
    nonce,
    codeVerifier: verifier,
    redirectUri: input.redirectUri,
    nextPath: input.next,
    expiresAt: new Date(deps.clock.now().getTime() + OIDC_LOGIN_TTL_MS),
  });
  const url = new URL(endpoints.authorizationEndpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: provider.client_id,
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(k, v);
  return { url: url.href, state };
}

/** Trades the code for an ID token at the provider's token endpoint, proving the sign-in with the PKCE verifier. */
async function redeem(tokenEndpoint: string, form: Record<string, string>): Promise<string> {
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await res.json().catch(() => ({}))) as { id_token?: unknown };
  if (!res.ok || typeof body.id_token !== 'string') throw refused('The identity provider did not accept the sign-in.');
  return body.id_token;
}

/**
 * Finishes a sign-in from the provider's answer: the state must match the browser's cookie and a sign-in in flight
 * (each is good once), the ID token must verify against the provider's keys with its issuer, this console as its
 * audience and the sign-in's nonce, and its verified email must be a live account of the provider's tenant.
 */
export async function finishOidcSignIn(
  deps: { database: Database; clock: Clock },
  input: { state: string; code: string; browserState: string | undefined },
): Promise<SignedIn & { next: string }> {
  if (!input.browserState || !sameToken(input.state, input.browserState))
    throw refused('This sign-in was not started in this browser.');
  const { db } = deps.database;
  const now = deps.clock.now();
  const login = await oidcRepo.takeOidcLogin(db, await sha256Hex(input.state), now);
  const provider = login && (await oidcRepo.findOidcProvider(db, login.provider_id));
  if (!login || !provider) throw refused('This sign-in has expired or was already used; start again.');
  const endpoints = await discover(provider.issuer);
  const idToken = await redeem(endpoints.tokenEndpoint, {
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: login.redirect_uri,
    client_id: provider.client_id,
    code_verifier: login.code_verifier,
  });
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, endpoints.jwks, {
      issuer: provider.issuer,
      audience: provider.client_id,
      currentDate: now,
    }));
  } catch {
    throw refused("The identity provider's ID token did not verify.");
  }
  if (typeof claims.nonce !== 'string' || !sameToken(claims.nonce, login.nonce))
    throw refused('The ID token was not issued for this sign-in.');
  if (typeof claims.email !== 'string' || claims.email_verified === false)
    throw refused('The identity provider did not vouch for an email.');
  const user = await findUserByEmail(db, claims.email.trim().toLowerCase());
  if (!user || user.tenant_id !== login.tenant_id || user.disabled_at !== null)
    throw refused('No console account of this university has that email; ask its administrator for one.');
  return { ...(await openSession(deps.database, user, now)), next: login.next_path };
}

/** Sets (or changes the label and client id of) a tenant's identity provider; `npm run users -- oidc`. */
export async function configureOidcProvider(
  database: Database,
  input: { tenantId: string; label: string; issuer: string; clientId: string; now: Date },
): Promise<SignInProvider> {
  if (!(await tenantExists(database.db, input.tenantId))) throw notFound(`Tenant ${input.tenantId}`);
  const row = await oidcRepo.upsertOidcProvider(database.db, { id: newId(), ...input });
  return { id: row.id, label: row.label };
}
