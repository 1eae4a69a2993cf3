import { conflict, notFound } from '../../domain/errors.ts';
import { SCOPES, type ProviderCreate, type Scope } from '../../domain/model/identity.ts';
import * as repo from '../../storage/identity.repo.ts';
import { insertOperatorAction } from '../../storage/operator-actions.repo.ts';
import type { IdentityProviderRow } from '../../storage/schema.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';

export interface ProviderView {
  id: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
  claim: string;
  scopes: Scope[];
  createdAt: string;
}

export const parseScopes = (v: unknown): Scope[] => {
  const list: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  return Array.isArray(list) ? list.filter((s): s is Scope => (SCOPES as readonly unknown[]).includes(s)) : [];
};

const toView = (r: IdentityProviderRow): ProviderView => ({
  id: r.id,
  issuer: r.issuer,
  audience: r.audience,
  jwksUrl: r.jwks_url,
  claim: r.claim,
  scopes: parseScopes(r.scopes),
  createdAt: new Date(r.created_at).toISOString(),
});

const MANAGE = ['admin', 'career_office'] as const;

/** Trusts a provider's tokens for the tenant's graduates; one provider per issuer and tenant. */
export async function addProvider({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ProviderCreate;
}): Promise<ProviderView> {
  requireRole(ctx.principal, MANAGE, 'configure identity providers');
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (await repo.findProviderByIssuer(trx, tenantId, input.issuer))
      throw conflict('The tenant already trusts a provider with this issuer.');
    const row = await repo.insertProvider(trx, {
      id: newId(),
      tenantId,
      issuer: input.issuer,
      audience: input.audience,
      jwksUrl: input.jwksUrl,
      claim: input.claim,
      scopes: [...new Set(input.scopes)],
      now,
    });
    await insertOperatorAction(trx, {
      tenantId,
      action: 'add_identity_provider',
      reason: null,
      detail: { providerId: row.id, issuer: row.issuer, audience: row.audience, jwksUrl: row.jwks_url },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return toView(row);
  });
}

export async function listProviders({ ctx }: { ctx: ServiceContext }): Promise<{ items: ProviderView[] }> {
  requireRole(ctx.principal, MANAGE, 'list identity providers');
  return { items: (await repo.listProviders(ctx.database.db, ctx.principal.tenantId)).map(toView) };
}

/** Stops trusting a provider: its tokens are refused from the next request. */
export async function removeProvider({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  requireRole(ctx.principal, MANAGE, 'remove identity providers');
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.deleteProvider(trx, ctx.principal.tenantId, id);
    if (!row) throw notFound('Identity provider');
    await insertOperatorAction(trx, {
      tenantId: ctx.principal.tenantId,
      action: 'remove_identity_provider',
      reason: null,
      detail: { providerId: id, issuer: row.issuer },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
  });
}
