import { SignJWT } from 'jose';
import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import type { AppRegister, Scope, TokenRequest } from '../../domain/model/identity.ts';
import type { Database } from '../../storage/db.ts';
import { findGraduate, findGraduateByExternalId } from '../../storage/graduates.repo.ts';
import * as repo from '../../storage/identity.repo.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import type { AppRow } from '../../storage/schema.ts';
import { requireRole } from '../access.ts';
import { newId, type Clock, type ServiceContext } from '../context.ts';
import { hashKey } from '../keys.ts';
import { parseScopes } from './providers.ts';
import { currentSigningKey, TOKEN_ALG } from './signing.ts';
import type { KeySealer } from './sealing.ts';

/** Who Bole's own tokens come from and are for; a token naming anything else is refused. */
export interface TokenSettings {
  issuer: string;
  audience: string;
  /** Seals the signing keys' private halves at rest (SECRETS_KEY); absent: they are stored as JWKs. */
  sealer?: KeySealer;
}

export interface AppView {
  id: string;
  name: string;
  clientId: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

const toAppView = (r: AppRow): AppView => ({
  id: r.id,
  name: r.name,
  clientId: r.client_id,
  scopes: parseScopes(r.scopes),
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

const random = (bytes: number): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');

const MANAGE = ['admin', 'career_office'] as const;

/** Registers an app of the tenant; its client secret is in this answer only. */
export async function registerApp({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AppRegister;
}): Promise<AppView & { clientSecret: string }> {
  requireRole(ctx.principal, MANAGE, 'register apps');
  const clientSecret = `bole_app_${random(32)}`;
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.insertApp(trx, {
      id: newId(),
      tenantId: ctx.principal.tenantId,
      name: input.name,
      clientId: `app_${random(12)}`,
      secretHash: await hashKey(clientSecret),
      scopes: [...new Set(input.scopes)],
      now,
    });
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: 'register_app',
      reason: null,
      detail: { appId: row.id, name: row.name, scopes: input.scopes },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return { ...toAppView(row), clientSecret };
  });
}

export async function listApps({ ctx }: { ctx: ServiceContext }): Promise<{ items: AppView[] }> {
  requireRole(ctx.principal, MANAGE, 'list apps');
  return { items: (await repo.listApps(ctx.database.db, ctx.principal.tenantId)).map(toAppView) };
}

/** Revokes an app: its tokens are refused from the next request, however long they had left. */
export async function revokeApp({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<AppView> {
  requireRole(ctx.principal, MANAGE, 'revoke apps');
  const existing = await repo.findApp(ctx.database.db, ctx.principal.tenantId, id);
  if (!existing) throw notFound('App');
  if (existing.revoked_at) return toAppView(existing);
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.revokeApp(trx, ctx.principal.tenantId, id, now);
    if (!row) throw new DomainError('conflict', 'The app was revoked at the same moment.');
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: 'revoke_app',
      reason: null,
      detail: { appId: id },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return toAppView(row);
  });
}

/** One answer for an unknown client, a wrong secret and a revoked app: nothing says which. */
const badClient = () => new DomainError('unauthenticated', 'The client id or secret is wrong, or the app is revoked.');

/**
 * The client-credentials exchange: an app proves itself and names one graduate of its tenant; the answer
 * is a signed JWT acting for that graduate with (a subset of) the app's scopes, for at most an hour.
 */
export async function issueAppToken(
  deps: { database: Database; clock: Clock; tokens: TokenSettings },
  input: TokenRequest & { client_id: string; client_secret: string },
): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
  const { db } = deps.database;
  const app = await repo.findAppByClientId(db, input.client_id);
  const secretHash = await hashKey(input.client_secret);
  if (!app || app.revoked_at || app.secret_hash !== secretHash) throw badClient();
  const allowed = parseScopes(app.scopes);
  const asked = input.scope ? input.scope.split(/\s+/).filter(Boolean) : allowed;
  const extra = asked.filter((s) => !(allowed as string[]).includes(s));
  if (extra.length > 0)
    throw invalid('body.scope', `the app may not ask for ${extra.join(', ')} (allowed: ${allowed.join(' ')}).`);
  const graduate = input.subject
    ? await findGraduate(db, app.tenant_id, input.subject)
    : await findGraduateByExternalId(db, app.tenant_id, input.subject_external_id ?? '');
  if (!graduate)
    throw invalid(
      input.subject ? 'body.subject' : 'body.subject_external_id',
      "is not a graduate of the app's tenant.",
    );
  const now = deps.clock.now();
  const { kid, key } = await currentSigningKey(deps.database, now, deps.tokens.sealer);
  const iat = Math.floor(now.getTime() / 1000);
  const scope = [...new Set(asked)].join(' ');
  const token = await new SignJWT({
    tid: app.tenant_id,
    role: 'graduate',
    gid: graduate.id,
    scope,
    client_id: app.client_id,
    app: app.id,
  })
    .setProtectedHeader({ alg: TOKEN_ALG, kid, typ: 'at+jwt' })
    .setIssuer(deps.tokens.issuer)
    .setAudience(deps.tokens.audience)
    .setSubject(graduate.id)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + input.expires_in)
    .setJti(newId())
    .sign(key);
  return { access_token: token, token_type: 'Bearer', expires_in: input.expires_in, scope };
}
