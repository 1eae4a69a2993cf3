import { lockGraduateOr404 } from '../storage/graduate-data.repo.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Demographics } from '../domain/model/demographics.ts';
import * as repo from '../storage/consents.repo.ts';
import type { DemographicsRow } from '../storage/schema.ts';
import type { ServiceContext } from './context.ts';
import { assertSelf } from './self-access.ts';

export type DemographicsView = Demographics & { updatedAt: string };

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function toDemographics(row: DemographicsRow): DemographicsView {
  const out: Record<string, unknown> = {
    gender: opt(row.gender),
    ethnicity: opt(row.ethnicity),
    hukouType: opt(row.hukou_type),
    regionOfOrigin: opt(row.region_of_origin),
    disability: opt(row.disability),
    birthYear: opt(row.birth_year),
    schoolTier: opt(row.school_tier),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return { ...(out as Demographics), updatedAt: new Date(row.updated_at).toISOString() };
}

/** Only the graduate themself ever reads their protected attributes through the API (DESIGN principle 1). */
export async function getDemographics({
  ctx,
  graduateId,
}: {
  ctx: ServiceContext;
  graduateId: string;
}): Promise<DemographicsView> {
  assertSelf(ctx.principal, graduateId, 'read demographics');
  const row = await repo.findDemographics(ctx.database.db, ctx.principal.tenantId, graduateId);
  if (!row) throw notFound('Demographics');
  return toDemographics(row);
}

/**
 * Replaces the demographics, only while fairness_audit consent is held (PIPL art. 29, separate consent).
 * The consent check and the write share a transaction with the graduate row locked, so a withdrawal
 * running at the same time cannot leave data behind.
 */
export async function putDemographics({
  ctx,
  graduateId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  input: Demographics;
}): Promise<DemographicsView> {
  assertSelf(ctx.principal, graduateId, 'write demographics');
  const tenantId = ctx.principal.tenantId;
  return ctx.database.db.transaction().execute(async (trx) => {
    await lockGraduateOr404(trx, tenantId, graduateId);
    const consent = await repo.latestConsent(trx, tenantId, graduateId, 'fairness_audit');
    if (consent?.granted !== true) {
      throw new DomainError(
        'conflict',
        'Demographics can be stored only while fairness_audit consent is held; grant it first with ' +
          'POST /v1/graduates/{id}/consents/fairness_audit.',
        { extra: { missingConsent: 'fairness_audit' } },
      );
    }
    const row = await repo.upsertDemographics(
      trx,
      tenantId,
      graduateId,
      {
        gender: input.gender ?? null,
        ethnicity: input.ethnicity ?? null,
        hukou_type: input.hukouType ?? null,
        region_of_origin: input.regionOfOrigin ?? null,
        disability: input.disability ?? null,
        birth_year: input.birthYear ?? null,
        school_tier: input.schoolTier ?? null,
      },
      ctx.clock.now(),
    );
    return toDemographics(row);
  });
}
