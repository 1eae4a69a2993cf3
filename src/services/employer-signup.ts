import { conflict, DomainError, notFound } from '../domain/errors.ts';
import type {
  EmployerDecision,
  EmployerRegistration,
  EmployerRegistrationCreate,
} from '../domain/model/employer-registration.ts';
import * as repo from '../storage/employers.repo.ts';
import type { Database } from '../storage/db.ts';
import { tenantExists } from '../storage/api-keys.repo.ts';
import { toEmployerRegistration } from '../storage/mappers.ts';
import { insertOperatorAction } from '../storage/operator-actions.repo.ts';
import { requireRole } from './access.ts';
import { newId, type ServiceContext } from './context.ts';
import { mintKey } from './keys.ts';

/**
 * Self-registration: the employer is written pending and its first user gets an employer key bound to
 * it, shown once. Until the career office approves, that key may draft postings but not open them.
 */
export async function registerEmployer(
  database: Database,
  tenantId: string,
  input: EmployerRegistrationCreate,
  requestId: string,
  now = new Date(),
): Promise<EmployerRegistration & { key: string; keyId: string }> {
  const duplicate = () =>
    conflict('An employer with this unified social credit code is already registered in this tenant.');
  const row = await database.db.transaction().execute(async (trx) => {
    if (!(await tenantExists(trx, tenantId))) throw notFound('Tenant');
    if (await repo.employerWithCreditCode(trx, tenantId, input.creditCode)) throw duplicate();
    const inserted = await repo.insertRegisteredEmployer(
      trx,
      { id: newId(), tenantId, now },
      {
        name: input.name,
        creditCode: input.creditCode,
        website: input.website,
        contactName: input.contact.name,
        contactEmail: input.contact.email,
        contactPhone: input.contact.phone ?? null,
      },
    );
    if (!inserted) throw duplicate();
    return inserted;
  });
  const actor = { keyId: '00000000-0000-0000-0000-000000000000', role: 'system' as const, requestId };
  try {
    const key = await mintKey(
      database,
      { tenantId, role: 'employer', employerId: row.id, label: input.keyLabel ?? 'first user (sign-up)' },
      actor,
      now,
    );
    return { ...toEmployerRegistration(row), key: key.key, keyId: key.id };
  } catch (error) {
    // Without its key nobody could ever act for the registration; take it back so the code can be used again.
    await repo.deleteEmployer(database.db, tenantId, row.id);
    throw error;
  }
}

/** The registration as the career office (or the employer itself) sees it, contact included. */
export async function getEmployerRegistration({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<EmployerRegistration> {
  const own = ctx.principal.role === 'employer' && ctx.principal.employerId === id;
  if (!own) requireRole(ctx.principal, ['career_office', 'admin'], 'read employer registrations');
  const row = await repo.findEmployer(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Employer');
  return toEmployerRegistration(row);
}

/** Approves or rejects a pending employer, with the reason, and writes the decision to the operator log. */
export async function decideEmployerRegistration({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: EmployerDecision;
}): Promise<EmployerRegistration> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'approve or reject employers');
  const { tenantId } = ctx.principal;
  const now = ctx.clock.now();
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await repo.decideEmployer(trx, tenantId, id, { status: input.decision, reason: input.reason, now });
    if (!row) {
      if (!(await repo.findEmployer(trx, tenantId, id))) throw notFound('Employer');
      throw conflict('This employer is not pending; it has already been decided.');
    }
    await insertOperatorAction(trx, {
      tenantId,
      action: input.decision === 'approved' ? 'approve_employer' : 'reject_employer',
      reason: input.reason,
      detail: { employerId: id },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return toEmployerRegistration(row);
  });
}

/**
 * Graduates' profiles are for employers the career office has approved: a pending or rejected employer's
 * key may draft postings but may not list or explain candidates. Other roles pass.
 */
export async function assertApprovedEmployer(ctx: ServiceContext): Promise<void> {
  const { principal } = ctx;
  if (principal.role !== 'employer' || !principal.employerId) return;
  const row = await repo.findEmployer(ctx.database.db, principal.tenantId, principal.employerId);
  if (row?.status !== 'approved')
    throw new DomainError(
      'forbidden',
      'The employer is not approved by the career office yet; candidates are shown once it is.',
    );
}
