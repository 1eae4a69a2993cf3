import { assembleReport } from '../../domain/audit-report/assemble.ts';
import { aggregateRows, validateRows, type ExternalRow } from '../../domain/audit-report/external.ts';
import { renderReportHtml } from '../../domain/audit-report/html.ts';
import type { AuditPhase } from '../../domain/audit-report/phases.ts';
import type { AuditReport } from '../../domain/audit-report/report-types.ts';
import { resolveParams, type AuditRequest } from '../../domain/audit-report/request.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { recordAccess } from '../../storage/access-log.repo.ts';
import { operatorActionsBetween } from '../../storage/operator-actions.repo.ts';
import * as repo from '../../storage/audits.repo.ts';
import type { AuditRunRow } from '../../storage/schema.ts';
import { requireRole } from '../access.ts';
import { assertGroupSizeFloor } from '../tenant-settings.ts';
import { newId, type ServiceContext, withTransaction } from '../context.ts';
import { publicationsOfRuns } from '../../storage/audit-publications.repo.ts';
import { appendReport } from './chain.ts';
import { auditTimer } from './timing.ts';
import { verifyIncrementalShared, verifyRangeExclusive, type ChainVerdict } from './verify-chain.ts';
import { isoTimeOrNull } from '../../domain/iso.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';

const AUDIT_ROLES = ['career_office', 'admin', 'auditor'] as const;

export interface AuditRunView {
  id: string;
  source: 'impressions' | 'upload';
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  /** The step the run is in (the last it reached once ended); null before a worker starts it and for uploads. */
  phase: AuditPhase | null;
  failureReason: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Set once a career office or auditor published the run (only published runs reach the public summary). */
  published: { at: string; seq: number } | null;
  links: { self: string; report: string | null; reportHtml: string | null; publish: string | null };
}

export function toRunView(row: AuditRunRow, published: { at: Date; seq: number } | null = null): AuditRunView {
  const done = row.status === 'completed';
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    progress: row.status === 'completed' ? 100 : row.progress,
    phase: row.phase,
    failureReason: row.status === 'failed' ? row.failure_reason : null,
    params: row.params,
    createdAt: isoTimeOrNull(row.created_at) ?? '',
    startedAt: isoTimeOrNull(row.started_at),
    finishedAt: isoTimeOrNull(row.finished_at),
    published: published && { at: published.at.toISOString(), seq: published.seq },
    links: {
      self: `/v1/audits/${row.id}`,
      report: done ? `/v1/audits/${row.id}/report` : null,
      reportHtml: done ? `/v1/audits/${row.id}/report.html` : null,
      publish: done && row.source === 'impressions' && !published ? `/v1/audits/${row.id}/publish` : null,
    },
  };
}

/**
 * Records an audit request: the run (queued) and its outbox row in ONE transaction, so the request
 * survives a Redis outage; the relay hands it to the queue with job id = run id.
 */
export async function requestAudit({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditRequest;
}): Promise<AuditRunView> {
  requireRole(ctx.principal, AUDIT_ROLES, 'request audits');
  await assertGroupSizeFloor(ctx, input.minGroupSize, 'body.minGroupSize');
  const now = ctx.clock.now();
  const params = resolveParams(input, now);
  const id = newId();
  const row = await withTransaction(ctx, async ({ database: { db: trx } }) => {
    const run = await repo.insertRun(trx, {
      id,
      tenantId: ctx.principal.tenantId,
      source: 'impressions',
      status: 'queued',
      params,
      requestedBy: ctx.principal.keyId,
      now,
    });
    await repo.insertOutbox(trx, {
      id: newId(),
      tenantId: ctx.principal.tenantId,
      jobName: 'audit',
      jobId: id,
      payload: { runId: id, tenantId: ctx.principal.tenantId },
      now,
      requestId: ctx.requestId,
    });
    return run;
  });
  return toRunView(row);
}

export async function getAudit({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<AuditRunView> {
  requireRole(ctx.principal, AUDIT_ROLES, 'read audits');
  const row = await repo.findRun(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Audit');
  const published = await publicationsOfRuns(ctx.database.db, ctx.principal.tenantId, [id]);
  return toRunView(row, published.get(id) ?? null);
}

/** The tenant's audit runs, newest first, a page at a time (optionally only those of one status). */
export async function listAudits({
  ctx,
  limit,
  cursor,
  status,
}: {
  ctx: ServiceContext;
  limit: number;
  cursor?: string | undefined;
  status?: AuditRunView['status'] | undefined;
}): Promise<Page<AuditRunView>> {
  requireRole(ctx.principal, AUDIT_ROLES, 'read audits');
  const { db } = ctx.database;
  const tenantId = ctx.principal.tenantId;
  const rows = await repo.listRuns(db, tenantId, { limit, before: decodeCursor(cursor), status });
  const published = await publicationsOfRuns(
    db,
    tenantId,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(rows, limit, (row) => toRunView(row, published.get(row.id) ?? null));
}

/** The stored report (aggregates only: no person's demographics are ever in it); each read is logged. */
export async function getReport({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<{ report: AuditReport & { chain: { seq: number; prevSha256: string | null } }; sha256: string }> {
  requireRole(ctx.principal, AUDIT_ROLES, 'read audit reports');
  const { db } = ctx.database;
  const row = await repo.findReportByRun(db, ctx.principal.tenantId, id);
  if (!row) {
    const run = await repo.findRun(db, ctx.principal.tenantId, id);
    if (!run) throw notFound('Audit');
    throw new DomainError('conflict', `Audit ${id} is ${run.status}; its report exists once it has completed.`);
  }
  await recordAccess(db, {
    tenantId: ctx.principal.tenantId,
    actorKeyId: ctx.principal.keyId,
    actorRole: ctx.principal.role,
    action: 'read_audit_report',
    subjectType: 'audit_report',
    subjectId: row.id,
    graduateId: null,
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  });
  return {
    report: JSON.parse(row.body) as AuditReport & { chain: { seq: number; prevSha256: string | null } },
    sha256: row.sha256,
  };
}

/**
 * The readable page of a report. Its first page compares with the tenant's previous audit of the same
 * source and lists the operator actions since then (or since the window start), read at view time.
 */
export async function getReportHtml({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<string> {
  const { report, sha256 } = await getReport({ ctx, id });
  const { db } = ctx.database;
  const previousBody = await repo.previousReportBody(db, ctx.principal.tenantId, report.chain.seq, report.source);
  const previous = previousBody ? (JSON.parse(previousBody) as AuditReport) : null;
  const from = previous?.auditDate ?? report.window.from;
  const actions = await operatorActionsBetween(db, ctx.principal.tenantId, {
    from: from ? new Date(from) : null,
    to: new Date(report.auditDate),
  });
  return renderReportHtml(
    report,
    { seq: report.chain.seq, sha256, prevSha256: report.chain.prevSha256 },
    {
      previous,
      operatorActions: actions.map((a) => ({
        action: a.action,
        at: new Date(a.created_at).toISOString(),
        role: a.actor_role,
      })),
    },
  );
}

/**
 * Checks the tenant's report chain. Without `range`: the bounded incremental check (the checkpoint, the links
 * added since, a window of older ones). With `range`: one page of a full re-verification from link `from`.
 */
export async function verifyAuditChain({
  ctx,
  range,
}: {
  ctx: ServiceContext;
  range?: { from: number; limit: number } | undefined;
}): Promise<ChainVerdict> {
  requireRole(ctx.principal, AUDIT_ROLES, 'verify audit reports');
  const { db } = ctx.database;
  const now = ctx.clock.now();
  if (range) return verifyRangeExclusive(db, ctx.principal.tenantId, range.from, range.limit, now);
  return verifyIncrementalShared(db, ctx.principal.tenantId, now);
}

/**
 * Audits an uploaded decision file: every row validated (400 naming row and field), aggregated in
 * memory (the body limit bounds it), reported with the same builder and chained like any report.
 */
export async function auditExternal({
  ctx,
  rows,
  format,
  k,
  minGroupSize,
  description,
  options = {},
}: {
  ctx: ServiceContext;
  rows: readonly unknown[];
  format: 'json' | 'csv';
  k: number;
  minGroupSize: number;
  description: string;
  options?: ExternalStatOptions;
}): Promise<AuditRunView> {
  requireRole(ctx.principal, AUDIT_ROLES, 'audit uploaded files');
  const requestedAt = ctx.clock.now();
  await assertGroupSizeFloor(ctx, minGroupSize, format === 'json' ? 'body.minGroupSize' : 'query.minGroupSize');
  const checked = validateRows(rows);
  if (checked.errors.length > 0) {
    // JSON rows are named by their array index (body.rows.3.score); CSV rows by their line in the file.
    const where = (index: number) =>
      index < 0 ? 'body' : format === 'json' ? `body.rows.${index}` : `body.lines.${index + 2}`;
    const errors = checked.errors
      .slice(0, 50)
      .map((e) => ({ path: `${where(e.index)}.${e.field}`, message: e.message }));
    const first = errors[0];
    throw new DomainError(
      'validation_failed',
      `${checked.errors.length} problem(s) in the uploaded rows; first: ${first?.path}: ${first?.message}`,
      { errors },
    );
  }
  const report = buildExternalReport(checked.rows, {
    runId: newId(),
    tenantId: ctx.principal.tenantId,
    now: ctx.clock.now(),
    k,
    minGroupSize,
    description,
    ...options,
  });
  const { db } = ctx.database;
  await repo.insertRun(db, {
    id: report.runId,
    tenantId: ctx.principal.tenantId,
    source: 'upload',
    status: 'running',
    params: { k, minGroupSize, rows: checked.rows.length, description, ...options },
    requestedBy: ctx.principal.keyId,
    now: ctx.clock.now(),
  });
  await appendReport(db, {
    id: newId(),
    tenantId: ctx.principal.tenantId,
    runId: report.runId,
    report,
    now: ctx.clock.now(),
  });
  // Timed from the request: an upload is computed in it, so its duration includes reading the rows.
  auditTimer('upload', requestedAt).runEnded('completed', ctx.clock.now());
  const row = await repo.findRun(db, ctx.principal.tenantId, report.runId);
  if (!row) throw notFound('Audit');
  return toRunView(row);
}

/** Statistics options of an upload: pos_label, reference group, binary-score threshold, skew ε. */
export interface ExternalStatOptions {
  posLabel?: string | null;
  referenceGroup?: string | null;
  scoreThreshold?: number | null;
  skewEpsilon?: number | null;
}

/** The report of an uploaded file; also used by the command line (`npm run audit`). */
export function buildExternalReport(
  rows: readonly ExternalRow[],
  meta: {
    runId: string;
    tenantId: string;
    now: Date;
    k: number;
    minGroupSize: number;
    description: string;
  } & ExternalStatOptions,
): AuditReport {
  const aggregates = aggregateRows(rows, meta.k, {
    ...(meta.posLabel ? { posLabel: meta.posLabel } : {}),
    scoreThreshold: meta.scoreThreshold ?? null,
    skewEpsilon: meta.skewEpsilon ?? null,
  });
  return assembleReport(aggregates, {
    scoreThreshold: meta.scoreThreshold ?? null,
    referenceGroup: meta.referenceGroup ?? null,
    runId: meta.runId,
    tenantId: meta.tenantId,
    auditDate: meta.now.toISOString(),
    source: 'upload',
    sourceDescription: meta.description,
    window: { from: null, to: null },
    minGroupSize: meta.minGroupSize,
  });
}
