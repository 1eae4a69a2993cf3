import { DomainError, conflict, notFound } from '../domain/errors.ts';
import { hasBlocking, lintPosting, type Finding } from '../domain/compliance/index.ts';
import type { Posting, PostingSkill, PostingStatus } from '../domain/model/posting.ts';
import type { ComplianceDecision, ComplianceStatus, PostingCompliance } from '../domain/model/posting-compliance.ts';
import type { ComplianceMode } from '../domain/model/tenant-settings.ts';
import { toPosting } from '../storage/mappers.ts';
import { insertOperatorAction } from '../storage/operator-actions.repo.ts';
import {
  findPostingForUpdate,
  recordComplianceDecision,
  type ComplianceColumns,
} from '../storage/posting-compliance.repo.ts';
import type { PostingRow } from '../storage/schema.ts';
import { requireRole } from './access.ts';
import { type ServiceContext, withTransaction } from './context.ts';

export interface PostingTextFields {
  title: string;
  description: string;
  requiredSkills: readonly PostingSkill[];
  preferredSkills: readonly PostingSkill[];
}

/** Lints title, description and skill names (required first, then preferred, as `skills[i]`). */
export function lintPostingFields(p: PostingTextFields): Finding[] {
  return lintPosting({
    title: p.title,
    description: p.description,
    skills: [...p.requiredSkills, ...p.preferredSkills].map((s) => s.name),
  });
}

/** `skills[i]` back to the body field the employer wrote it in. */
function bodyPath(field: string, requiredCount: number): string {
  const m = /^skills\[(\d+)\]$/.exec(field);
  if (!m) return `body.${field}`;
  const i = Number(m[1]);
  return i < requiredCount ? `body.requiredSkills.${i}` : `body.preferredSkills.${i - requiredCount}`;
}

const blockingKey = (fs: readonly Finding[]): string =>
  JSON.stringify(
    fs
      .filter((f) => f.severity === 'block')
      .map((f) => [f.rule, f.field, f.span.text])
      .sort(),
  );

export interface ComplianceOutcome extends ComplianceColumns {
  /** The status to store: the requested one, or draft while held. */
  status: PostingStatus;
}

/**
 * What a posting's findings do under the tenant's mode. A blocking finding rejects (422, nothing written)
 * or holds the posting as a draft until a career office decides. An approval survives later edits only
 * while the blocking findings stay exactly those that were approved.
 */
export function decideCompliance(
  findings: Finding[],
  mode: ComplianceMode,
  requested: PostingStatus,
  text: PostingTextFields,
  previous?: { reviewStatus: string; findings: readonly Finding[] },
): ComplianceOutcome {
  if (!hasBlocking(findings)) return { findings, reviewStatus: 'none', requestedStatus: null, status: requested };
  if (previous?.reviewStatus === 'approved' && blockingKey(previous.findings) === blockingKey(findings)) {
    return { findings, reviewStatus: 'approved', requestedStatus: null, status: requested };
  }
  if (mode === 'reject') {
    const blocking = findings.filter((f) => f.severity === 'block');
    const errors = blocking.map((f) => ({
      path: bodyPath(f.field, text.requiredSkills.length),
      message: `${f.rule}: “${f.span.text}” — ${f.message.en} (${f.law})`,
    }));
    throw new DomainError(
      'unprocessable',
      `The posting has ${blocking.length} discriminatory requirement(s) and this tenant rejects ` +
        `such postings: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      { errors, extra: { findings } },
    );
  }
  return { findings, reviewStatus: 'held', requestedStatus: requested, status: 'draft' };
}

export const storedFindings = (row: PostingRow): Finding[] =>
  (typeof row.compliance_findings === 'string'
    ? JSON.parse(row.compliance_findings)
    : row.compliance_findings) as Finding[];

function toCompliance(row: PostingRow): PostingCompliance {
  const findings = storedFindings(row);
  const byReview: Record<string, ComplianceStatus> = {
    held: 'held_for_review',
    approved: 'approved',
    rejected: 'rejected',
  };
  return {
    status: byReview[row.review_status] ?? (findings.length > 0 ? 'warnings' : 'ok'),
    findings,
    reviewedAt: row.compliance_reviewed_at === null ? null : new Date(row.compliance_reviewed_at).toISOString(),
    reviewNote: row.compliance_review_note,
  };
}

/** A posting as the API returns it: the row plus its compliance state. */
export const presentPosting = (row: PostingRow): Posting => ({ ...toPosting(row), compliance: toCompliance(row) });

/** The status the author wants, whatever the hold has forced meanwhile. */
export const requestedStatusOf = (row: PostingRow): PostingStatus =>
  (row.review_status === 'held' || row.review_status === 'rejected'
    ? (row.requested_status ?? row.status)
    : row.status) as PostingStatus;

/** A career office approves a held posting (it takes the status its author asked for) or rejects it (stays a draft). */
export async function reviewPostingCompliance({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: ComplianceDecision;
}): Promise<Posting> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'review held postings');
  const tenantId = ctx.principal.tenantId;
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const row = await findPostingForUpdate(trx, tenantId, id);
    if (!row) throw notFound('Job posting');
    if (row.review_status !== 'held')
      throw conflict(`This posting is not held for review (compliance review status: ${row.review_status}).`);
    const now = ctx.clock.now();
    const approved = input.decision === 'approve';
    const updated = await recordComplianceDecision(trx, tenantId, id, {
      reviewStatus: approved ? 'approved' : 'rejected',
      status: approved ? (row.requested_status ?? 'draft') : 'draft',
      byKeyId: ctx.principal.keyId,
      note: input.note,
      now,
    });
    await insertOperatorAction(trx, {
      tenantId,
      action: approved ? 'approve_posting' : 'reject_posting',
      reason: input.note,
      detail: { postingId: id, rules: [...new Set(storedFindings(row).map((f) => f.rule))] },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      requestId: ctx.requestId,
      now,
    });
    return presentPosting(updated);
  });
}
