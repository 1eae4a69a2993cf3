import { DomainError, notFound } from '../../domain/errors.ts';
import type { ImportKind } from '../../domain/imports/columns.ts';
import type { Role } from '../../domain/model/common.ts';
import { PermanentJobError } from '../../queue/errors.ts';
import type { JobContext } from '../../queue/port.ts';
import { insertOutbox } from '../../storage/audits.repo.ts';
import * as repo from '../../storage/imports.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext, type SystemContext } from '../context.ts';
import { importFile, type ImportReport } from './engine.ts';
import { bytesSource, type ReadOptions } from './read.ts';

/** Files above this size run as a BullMQ job (unless the caller says otherwise); smaller ones complete inline. */
export const INLINE_MAX_BYTES = 512 * 1024;

export interface ImportRequest extends ReadOptions {
  kind: ImportKind;
  dryRun: boolean;
  background?: boolean | undefined;
  contentType?: string | undefined;
}

export interface ImportRunView {
  id: string;
  kind: string;
  dryRun: boolean;
  status: 'queued' | 'running' | 'completed' | 'rejected' | 'failed';
  progress: number;
  fileBytes: number;
  report: ImportReport | null;
  failureReason: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  links: { self: string };
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function toView(row: repo.ImportRunView): ImportRunView {
  return {
    id: row.id,
    kind: row.kind,
    dryRun: row.dry_run,
    status: row.status,
    progress: row.progress,
    fileBytes: row.file_bytes,
    report: (parsed(row.report) as ImportReport | null) ?? null,
    failureReason: row.failure_reason,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    links: { self: `/v1/imports/runs/${row.id}` },
  };
}

export type ImportAnswer = { kind: 'report'; report: ImportReport } | { kind: 'queued'; run: ImportRunView };

/**
 * POST /v1/imports/{kind}: a small file is checked (and, unless a dry run, written) at once; a large one is
 * stored with a queued run and an outbox row in one transaction, and the `import` job does the same work.
 */
export async function requestImport({
  ctx,
  request,
  bytes,
}: {
  ctx: ServiceContext;
  request: ImportRequest;
  bytes: Uint8Array;
}): Promise<ImportAnswer> {
  requireRole(ctx.principal, ['career_office', 'admin'], `import ${request.kind}`);
  const background = request.background ?? bytes.length > INLINE_MAX_BYTES;
  const options = {
    format: request.format,
    encoding: request.encoding,
    delimiter: request.delimiter,
    contentType: request.contentType,
  };
  if (!background) {
    const report = await importFile(ctx, bytesSource(bytes), {
      ...options,
      kind: request.kind,
      dryRun: request.dryRun,
    });
    return { kind: 'report', report };
  }
  const id = newId();
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction().execute(async (trx) => {
    const run = await repo.insertImportRun(trx, {
      id,
      tenantId,
      kind: request.kind,
      dryRun: request.dryRun,
      options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
      file: bytes,
      requestedBy: ctx.principal.keyId,
      requestedRole: ctx.principal.role,
      now,
    });
    await insertOutbox(trx, {
      id: newId(),
      tenantId,
      jobName: 'import',
      jobId: `import-${id}`,
      payload: { runId: id, tenantId },
      now,
      requestId: ctx.requestId,
    });
    return run;
  });
  return { kind: 'queued', run: toView(row) };
}

/**
 * GET /v1/imports/runs/{id} (not /v1/imports/{id}, which would be ambiguous with POST /v1/imports/{kind}): the run, its
 * progress and, once ended, its report; staff of the tenant only.
 */
export async function getImportRun({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ImportRunView> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'read imports');
  const row = await repo.findImportRun(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Import');
  return toView(row);
}

/**
 * The `import` job: claims the queued run, imports its file on behalf of the key that sent it (the same
 * services, role checks and transactions as inline), stores the report and drops the file. A retry after a
 * crash is safe: the upsert is idempotent, so rows written before it come out "unchanged".
 */
export async function runImportJob(
  ctx: SystemContext,
  payload: { runId: string; tenantId: string },
  job: JobContext,
): Promise<{ status: string; runId: string }> {
  const { db } = ctx.database;
  const run = await repo.claimImportRun(db, payload.tenantId, payload.runId, ctx.clock.now());
  if (!run) {
    const seen = await repo.findImportRun(db, payload.tenantId, payload.runId);
    if (!seen) throw new PermanentJobError(`import run ${payload.runId} does not exist in tenant ${payload.tenantId}`);
    return { status: `skipped (already ${seen.status})`, runId: payload.runId };
  }
  if (!run.file) throw new PermanentJobError(`import run ${payload.runId} has no file`);
  const options = parsed(run.options) as ReadOptions & { contentType?: string };
  const asCaller: ServiceContext = {
    ...ctx,
    principal: {
      keyId: run.requested_by,
      tenantId: run.tenant_id,
      role: run.requested_role as Role,
      graduateId: null,
      employerId: null,
    },
    requestId: `import-${run.id}`,
  };
  let reported = -1;
  const progress = async (fraction: number) => {
    const p = Math.max(0, Math.min(99, Math.round(fraction * 100)));
    if (p === reported) return;
    reported = p;
    await repo.setImportProgress(db, run.id, p);
    await job.progress(p);
  };
  try {
    const report = await importFile(
      asCaller,
      bytesSource(new Uint8Array(run.file)),
      { ...options, kind: run.kind as ImportKind, dryRun: run.dry_run },
      progress,
    );
    const status = report.status === 'validated' ? 'completed' : report.status;
    await repo.finishImportRun(db, run.id, { status, report, now: ctx.clock.now() });
    ctx.logger.info('import_done', { runId: run.id, kind: run.kind, status, ...report.summary });
    return { status, runId: run.id };
  } catch (error) {
    const permanent = error instanceof PermanentJobError || error instanceof DomainError;
    ctx.logger.error('import_failed', {
      runId: run.id,
      attempt: job.attempt,
      error: error instanceof Error ? error.stack : String(error),
    });
    if (permanent || job.finalAttempt) {
      const reason =
        error instanceof Error && permanent
          ? error.message
          : `The import failed after ${job.attempt} attempt(s) (run ${run.id}).`;
      await repo.finishImportRun(db, run.id, { status: 'failed', report: null, reason, now: ctx.clock.now() });
      if (!(error instanceof PermanentJobError)) throw new PermanentJobError(reason);
    } else await repo.requeueImportRun(db, run.id);
    throw error;
  }
}
