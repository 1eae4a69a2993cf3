import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { Posting, PostingCreate, PostingSkill, PostingUpdate } from '../domain/model/posting.ts';
import { findEmployer } from '../storage/employers.repo.ts';
import * as repo from '../storage/postings.repo.ts';
import { setPostingCompliance } from '../storage/posting-compliance.repo.ts';
import type { PostingRow } from '../storage/schema.ts';
import { requireRole } from './access.ts';
import { askPostingAlerts } from './alerts/ask.ts';
import { newId, type Principal, type ServiceContext, withTransaction } from './context.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import {
  decideCompliance,
  lintPostingFields,
  presentPosting,
  requestedStatusOf,
  storedFindings,
} from './posting-compliance.ts';
import { normalizePostingSkills } from './skills.ts';
import { loadTenantSettings } from './tenant-settings.ts';

const storedSkills = (value: unknown): PostingSkill[] =>
  (typeof value === 'string' ? JSON.parse(value) : value) as PostingSkill[];

/** Who may see a posting: its employer, staff, and graduates once it is open. Others get 404. */
function visible(principal: Principal, row: PostingRow): boolean {
  switch (principal.role) {
    case 'career_office':
    case 'admin':
      return true;
    case 'employer':
      return row.employer_id === principal.employerId;
    case 'graduate':
      return row.status === 'open';
    case 'auditor':
      return false;
  }
}

const mayEdit = (principal: Principal, row: PostingRow): boolean =>
  principal.role === 'career_office' ||
  principal.role === 'admin' ||
  (principal.role === 'employer' && row.employer_id === principal.employerId);

/**
 * A self-registered employer drafts until the career office approves it: nothing of it is opened (so shown) before,
 * nor asked to open later by a compliance review. The requested status is checked, not the one a hold stores.
 */
function assertMayPublish(employerStatus: string | undefined, postingStatus: string | undefined): void {
  if (postingStatus === 'open' && employerStatus !== 'approved') {
    throw conflict('The employer is not approved by the career office yet; its postings stay drafts until it is.');
  }
}

/** An external id names one posting of the tenant (imports match on it). */
async function assertExternalIdFree(ctx: ServiceContext, externalId: string | undefined, self?: string): Promise<void> {
  if (externalId === undefined) return;
  const [holder] = await repo.postingsByExternalIds(ctx.database.db, ctx.principal.tenantId, [externalId]);
  if (holder && holder.id !== self)
    throw conflict('body.externalId: another posting of the tenant has this external id.');
}

export async function createPosting({ ctx, input }: { ctx: ServiceContext; input: PostingCreate }): Promise<Posting> {
  requireRole(ctx.principal, ['employer', 'career_office', 'admin'], 'create postings');
  const employerId = ctx.principal.role === 'employer' ? ctx.principal.employerId : input.employerId;
  if (!employerId) throw invalid('body.employerId', 'is required when a career office or admin creates a posting.');
  if (ctx.principal.role === 'employer' && input.employerId !== undefined && input.employerId !== employerId) {
    throw invalid('body.employerId', 'an employer key may only post for its own employer.');
  }
  const tenantId = ctx.principal.tenantId;
  const text = {
    title: input.title,
    description: input.description,
    requiredSkills: normalizePostingSkills(input.requiredSkills),
    preferredSkills: normalizePostingSkills(input.preferredSkills),
  };
  return withTransaction(ctx, async (tx) => {
    const trx = tx.database.db;
    await assertExternalIdFree(tx, input.externalId);
    const employer = await findEmployer(trx, tenantId, employerId);
    if (!employer) throw invalid('body.employerId', 'no such employer in this tenant.');
    // Compliance runs before anything is written: in reject mode a blocking finding leaves no row.
    const { complianceMode } = await loadTenantSettings(trx, tenantId);
    const outcome = decideCompliance(lintPostingFields(text), complianceMode, input.status, text);
    assertMayPublish(employer.status, input.status);
    const row = await repo.insertPosting(
      trx,
      { id: newId(), tenantId, employerId, now: ctx.clock.now() },
      { ...input, ...text, status: outcome.status },
    );
    const posting = presentPosting(await setPostingCompliance(trx, tenantId, row.id, outcome));
    if (posting.status === 'open') await askPostingAlerts(tx, tenantId);
    return posting;
  });
}

export async function getPosting({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Posting> {
  const row = await repo.findPosting(ctx.database.db, ctx.principal.tenantId, id);
  if (!row || !visible(ctx.principal, row)) throw notFound('Job posting');
  return presentPosting(row);
}

export async function updatePosting({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: PostingUpdate;
}): Promise<Posting> {
  // withTransaction: an import's batch runs several updates in its one transaction.
  return withTransaction(ctx, async (tx) => {
    const trx = tx.database.db;
    const current = await repo.findPosting(trx, ctx.principal.tenantId, id);
    if (!current || !visible(ctx.principal, current) || !mayEdit(ctx.principal, current)) throw notFound('Job posting');
    await assertExternalIdFree(tx, input.externalId, id);
    // A partial update must still leave a consistent salary range.
    const salaryMin = 'salaryMin' in input ? input.salaryMin : (current.salary_min ?? undefined);
    const salaryMax = 'salaryMax' in input ? input.salaryMax : (current.salary_max ?? undefined);
    if (salaryMin !== undefined && salaryMax !== undefined && salaryMin > salaryMax)
      throw invalid('body.salaryMax', 'must be at least salaryMin.');
    const text = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      requiredSkills: input.requiredSkills
        ? normalizePostingSkills(input.requiredSkills)
        : storedSkills(current.required_skills),
      preferredSkills: input.preferredSkills
        ? normalizePostingSkills(input.preferredSkills)
        : storedSkills(current.preferred_skills),
    };
    const { complianceMode } = await loadTenantSettings(trx, ctx.principal.tenantId);
    const outcome = decideCompliance(
      lintPostingFields(text),
      complianceMode,
      input.status ?? requestedStatusOf(current),
      text,
      { reviewStatus: current.review_status, findings: storedFindings(current) },
    );
    const requested = input.status ?? requestedStatusOf(current);
    if (requested === 'open')
      assertMayPublish((await findEmployer(trx, ctx.principal.tenantId, current.employer_id))?.status, requested);
    const row = await repo.updatePosting(
      trx,
      ctx.principal.tenantId,
      id,
      {
        ...input,
        requiredSkills: input.requiredSkills && text.requiredSkills,
        preferredSkills: input.preferredSkills && text.preferredSkills,
        status: outcome.status,
      },
      ctx.clock.now(),
    );
    if (!row) throw notFound('Job posting');
    const posting = presentPosting(await setPostingCompliance(trx, ctx.principal.tenantId, id, outcome));
    if (posting.status === 'open') await askPostingAlerts(tx, ctx.principal.tenantId);
    return posting;
  });
}

export async function deletePosting({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  const current = await repo.findPosting(ctx.database.db, ctx.principal.tenantId, id);
  if (!current || !visible(ctx.principal, current) || !mayEdit(ctx.principal, current)) throw notFound('Job posting');
  await repo.deletePosting(ctx.database.db, ctx.principal.tenantId, id);
}

export async function listPostings({
  ctx,
  filters,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  filters: repo.PostingFilters;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<Posting>> {
  requireRole(ctx.principal, ['graduate', 'employer', 'career_office', 'admin'], 'list postings');
  const scoped: repo.PostingFilters = { ...filters };
  if (ctx.principal.role === 'employer') {
    if (filters.employerId !== undefined && filters.employerId !== ctx.principal.employerId)
      return { items: [], nextCursor: null };
    scoped.employerId = ctx.principal.employerId ?? undefined;
  }
  if (ctx.principal.role === 'graduate') {
    if (filters.status !== undefined && filters.status !== 'open') return { items: [], nextCursor: null };
    scoped.status = 'open';
  }
  const rows = await repo.listPostings(ctx.database.db, ctx.principal.tenantId, scoped, {
    limit,
    after: decodeCursor(cursor),
  });
  return toPage(rows, limit, presentPosting);
}
