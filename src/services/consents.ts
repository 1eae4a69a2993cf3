import { lockGraduateOr404 } from '../storage/graduate-data.repo.ts';
import { invalid } from '../domain/errors.ts';
import {
  CONSENT_PURPOSES,
  CONSENT_TEXTS,
  currentConsentText,
  type ConsentGrant,
  type ConsentOverview,
  type ConsentPurpose,
  type ConsentState,
} from '../domain/model/consent.ts';
import * as repo from '../storage/consents.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { insertProfileEvent } from '../storage/profile-events.repo.ts';
import type { ConsentRow } from '../storage/schema.ts';
import { assertCanSeeGraduate } from './access.ts';
import { newId, type ServiceContext } from './context.ts';
import { actorOf, assertSelf } from './self-access.ts';
import { isoTime } from '../domain/iso.ts';

/** Every published consent text, each purpose's versions oldest first. */
export function listConsentTexts() {
  return CONSENT_PURPOSES.flatMap((purpose) => {
    const versions = CONSENT_TEXTS[purpose];
    return versions.map((t, i) => ({
      purpose,
      version: t.version,
      current: i === versions.length - 1,
      sensitive: t.sensitive,
      zh: t.zh,
      en: t.en,
    }));
  });
}

export function toOverview(graduateId: string, rows: readonly ConsentRow[]): ConsentOverview {
  const purposes: ConsentState[] = CONSENT_PURPOSES.map((purpose) => {
    const last = rows.filter((r) => r.purpose === purpose).at(-1);
    return {
      purpose,
      granted: last?.granted ?? false,
      textVersion: last?.text_version ?? null,
      since: last ? isoTime(last.created_at) : null,
    };
  });
  const history = rows.map((r) => ({
    id: r.id,
    purpose: r.purpose as ConsentPurpose,
    granted: r.granted,
    textVersion: r.text_version,
    actorKeyId: r.actor,
    actorRole: r.actor_role,
    at: isoTime(r.created_at),
  }));
  return { graduateId, purposes, history };
}

/** Current state and full history; the graduate and the career office may read it. */
export async function getConsents({
  ctx,
  graduateId,
}: {
  ctx: ServiceContext;
  graduateId: string;
}): Promise<ConsentOverview> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const { db } = ctx.database;
  await getGraduateOr404(db, ctx.principal.tenantId, graduateId);
  return toOverview(graduateId, await repo.listConsentEvents(db, ctx.principal.tenantId, graduateId));
}

/**
 * Records a grant. The body must quote the current text version, so the record says which words were
 * agreed to. Granting what is already granted under the same version records nothing new.
 */
export async function grantConsent({
  ctx,
  graduateId,
  purpose,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  purpose: ConsentPurpose;
  input: ConsentGrant;
}): Promise<{ overview: ConsentOverview; changed: boolean }> {
  assertSelf(ctx.principal, graduateId, 'give consent');
  const current = currentConsentText(purpose);
  if (input.textVersion !== current.version) {
    const known = CONSENT_TEXTS[purpose].some((t) => t.version === input.textVersion);
    throw invalid(
      'body.textVersion',
      known
        ? `${input.textVersion} is no longer current; show ${current.version} and send that.`
        : `unknown version for ${purpose}; the current one is ${current.version} (GET /v1/consent-texts).`,
    );
  }
  const tenantId = ctx.principal.tenantId;
  return ctx.database.db.transaction().execute(async (trx) => {
    await lockGraduateOr404(trx, tenantId, graduateId);
    const last = await repo.latestConsent(trx, tenantId, graduateId, purpose);
    const changed = !(last?.granted === true && last.text_version === current.version);
    if (changed) {
      await repo.insertConsentEvent(trx, {
        id: newId(),
        tenantId,
        graduateId,
        purpose,
        granted: true,
        textVersion: current.version,
        ...actorOf(ctx),
        now: ctx.clock.now(),
      });
    }
    return { overview: toOverview(graduateId, await repo.listConsentEvents(trx, tenantId, graduateId)), changed };
  });
}

/**
 * Records a withdrawal under the version that was agreed to. Withdrawing fairness_audit erases the
 * demographics in the same transaction: they can never outlive the consent.
 */
export async function withdrawConsent({
  ctx,
  graduateId,
  purpose,
}: {
  ctx: ServiceContext;
  graduateId: string;
  purpose: ConsentPurpose;
}): Promise<{ overview: ConsentOverview; changed: boolean; demographicsErased: boolean }> {
  assertSelf(ctx.principal, graduateId, 'withdraw consent');
  const tenantId = ctx.principal.tenantId;
  return ctx.database.db.transaction().execute(async (trx) => {
    await lockGraduateOr404(trx, tenantId, graduateId);
    const now = ctx.clock.now();
    const last = await repo.latestConsent(trx, tenantId, graduateId, purpose);
    const changed = last?.granted === true;
    if (last && changed) {
      await repo.insertConsentEvent(trx, {
        id: newId(),
        tenantId,
        graduateId,
        purpose,
        granted: false,
        textVersion: last.text_version,
        ...actorOf(ctx),
        now,
      });
    }
    let demographicsErased = false;
    if (purpose === 'fairness_audit') {
      demographicsErased = await repo.deleteDemographics(trx, tenantId, graduateId);
      if (demographicsErased) {
        await insertProfileEvent(trx, {
          id: newId(),
          tenantId,
          graduateId,
          kind: 'demographics_erased',
          detail: { cause: 'fairness_audit consent withdrawn' },
          ...actorOf(ctx),
          now,
        });
      }
    }
    return {
      overview: toOverview(graduateId, await repo.listConsentEvents(trx, tenantId, graduateId)),
      changed,
      demographicsErased,
    };
  });
}
