import { refreshSkillSummary } from '../../storage/skill-summary.repo.ts';
import type { Bilingual } from '../../domain/imports/cells.ts';
import {
  type HeaderMap,
  type ImportKind,
  parseRow,
  repeatedKey,
  resolveHeaders,
  rowKey,
} from '../../domain/imports/columns.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireRole } from '../access.ts';
import { type ServiceContext, withTransaction } from '../context.ts';
import { COLUMNS_OF, KIND_ADAPTERS, type ParsedRow, type RowFailure } from './kinds.ts';
import { type FileShape, type FileSource, type ReadOptions, fileError, readRows, shapeOf } from './read.ts';
import { giveWay } from '../give-way.ts';

/** A failing field of a row: the row as a spreadsheet numbers it, the header as the file wrote it, why. */
export interface RowError {
  row: number;
  column: string;
  field: string;
  message: Bilingual;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /**
   * validated: a clean dry run; rejected: rows failed, nothing written; completed; failed: a batch failed and rolled
   * back.
   */
  status: 'validated' | 'rejected' | 'completed' | 'failed';
  file: FileShape & { columns: Array<{ header: string; field: string }>; ignoredColumns: string[] };
  summary: ImportSummary;
  errors: RowError[];
  /** More failing fields than `errors` lists (it keeps the first 1,000). */
  errorsTruncated: boolean;
  batches: { size: number; committed: number };
  /** For `failed`: which batch rolled back and why; the batches before it stay written (rerunning is idempotent). */
  failure?: { fromRow: number; toRow: number; message: string } | undefined;
}

export interface ImportOptions extends ReadOptions {
  kind: ImportKind;
  dryRun: boolean;
  batchSize?: number | undefined;
  contentType?: string | undefined;
}

const MAX_ERRORS = 1_000;
export const DEFAULT_BATCH = 500;

/** Fractions of the work done, for progress: the validation pass is the first half, the write the second. */
export type Progress = (fraction: number) => Promise<void>;

interface Pass {
  map: HeaderMap;
  summary: ImportSummary;
  errors: RowError[];
  errorCount: number;
}

/** Reads the header row and resolves it, or fails the whole file with a 400 naming the columns. */
async function* dataRows(source: FileSource, shape: FileShape, kind: ImportKind, onHeader: (m: HeaderMap) => void) {
  let header = true;
  for await (const { row, cells } of readRows(source, shape)) {
    if (header) {
      header = false;
      const resolved = resolveHeaders(
        COLUMNS_OF[kind],
        cells.map((c) => (c === null || c === undefined ? '' : String(c))),
        KIND_ADAPTERS[kind].keyColumns,
      );
      if (!resolved.ok) {
        const en = resolved.errors.map((e) => e.message.en).join('; ');
        const zh = resolved.errors.map((e) => e.message.zh).join('；');
        throw new DomainError('validation_failed', `Row ${row} (the header): ${en}`, {
          errors: resolved.errors.map((e) => ({ path: `row ${row}, column ${e.key}`, message: e.message.en })),
          extra: {
            detailZh: `第 ${row} 行（表头）：${zh}`,
            errorsZh: resolved.errors.map((e) => ({ path: `第 ${row} 行，${e.key} 列`, message: e.message.zh })),
          },
        });
      }
      onHeader(resolved.map);
      continue;
    }
    yield { row, cells };
  }
  if (header) throw fileError('The file is empty: it has no header row.', '文件为空：没有表头行。');
}

/** Batches of parsed rows; cells that fail to parse, missing and repeated row keys become row failures. */
async function* batches(
  source: FileSource,
  shape: FileShape,
  kind: ImportKind,
  size: number,
  onHeader: (m: HeaderMap) => void,
  onFailure: (f: RowFailure) => void,
  onRow: () => void = () => {},
) {
  let map: HeaderMap | undefined;
  const seen = new Map<string, number>();
  let batch: ParsedRow[] = [];
  for await (const { row, cells } of dataRows(source, shape, kind, (m) => {
    map = m;
    onHeader(m);
  })) {
    if (!map) continue;
    onRow();
    const parsed = parseRow(COLUMNS_OF[kind], map, cells);
    if (!parsed.ok) {
      onFailure({ row, failures: parsed.errors });
      continue;
    }
    const { keyColumns } = KIND_ADAPTERS[kind];
    const key = rowKey(COLUMNS_OF[kind], keyColumns, parsed.value);
    if (!key.ok) {
      onFailure({ row, failures: key.errors });
      continue;
    }
    const first = seen.get(key.value);
    if (first !== undefined) {
      onFailure({ row, failures: [repeatedKey(COLUMNS_OF[kind], keyColumns, key.value, first)] });
      continue;
    }
    seen.set(key.value, row);
    batch.push({ row, key: key.value, record: parsed.value });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const emptySummary = (): ImportSummary => ({ rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 });

/** The validation pass: every row planned against the database as it is, nothing written. */
async function validate(ctx: ServiceContext, source: FileSource, shape: FileShape, opts: ImportOptions): Promise<Pass> {
  const adapter = KIND_ADAPTERS[opts.kind];
  const summary = emptySummary();
  const errors: RowError[] = [];
  let errorCount = 0;
  let map: HeaderMap | undefined;
  const rejectedRows = new Set<number>();
  const record = (f: RowFailure) => {
    rejectedRows.add(f.row);
    for (const failure of f.failures) {
      errorCount++;
      if (errors.length < MAX_ERRORS)
        errors.push({
          row: f.row,
          column: map?.headerOf.get(failure.key) ?? failure.key,
          field: failure.key,
          message: failure.message,
        });
    }
  };
  const size = opts.batchSize ?? DEFAULT_BATCH;
  const onRow = () => summary.rows++;
  for await (const batch of batches(source, shape, opts.kind, size, (m) => (map = m), record, onRow)) {
    const plan = await adapter.plan(ctx, batch);
    plan.failures.forEach(record);
    for (const { outcome } of plan.outcomes) summary[outcome]++;
  }
  summary.rejected = rejectedRows.size;
  if (!map) throw fileError('The file has no header row.', '文件没有表头行。');
  errors.sort((a, b) => a.row - b.row);
  return { map, summary, errors, errorCount };
}

/**
 * Imports a file: a validation pass over every row (the dry run stops here), then, only if no row failed, the
 * write in batches, each planned again and written in one transaction: a failing batch leaves nothing of itself.
 */
export async function importFile(
  ctx: ServiceContext,
  source: FileSource,
  opts: ImportOptions,
  progress?: Progress,
): Promise<ImportReport> {
  requireRole(ctx.principal, ['career_office', 'admin'], `import ${opts.kind}`);
  const shape = await shapeOf(source, opts, opts.contentType);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const checked = await validate(ctx, source, shape, opts);
  await progress?.(0.5);
  const columns = [...checked.map.headerOf].map(([field, header]) => ({ header, field }));
  const report: ImportReport = {
    kind: opts.kind,
    dryRun: opts.dryRun,
    status: checked.summary.rejected > 0 ? 'rejected' : opts.dryRun ? 'validated' : 'completed',
    file: { ...shape, columns, ignoredColumns: [...checked.map.ignored] },
    summary: checked.summary,
    errors: checked.errors,
    errorsTruncated: checked.errorCount > checked.errors.length,
    batches: { size: batchSize, committed: 0 },
  };
  if (opts.dryRun || report.status === 'rejected') return report;

  const adapter = KIND_ADAPTERS[opts.kind];
  const written = emptySummary();
  const total = checked.summary.rows;
  for await (const batch of batches(
    source,
    shape,
    opts.kind,
    batchSize,
    () => {},
    () => {},
  )) {
    const first = batch[0]?.row ?? 0;
    const last = batch.at(-1)?.row ?? first;
    try {
      const outcomes = await withTransaction(ctx, async (tx) => {
        const plan = await adapter.plan(tx, batch);
        const failed = plan.failures[0];
        if (failed) {
          const f = failed.failures[0];
          throw new DomainError(
            'conflict',
            `Row ${failed.row}, column ${checked.map.headerOf.get(f?.key ?? '') ?? f?.key}: ` +
              `${f?.message.en ?? 'changed since it was checked'}`,
          );
        }
        await plan.write(tx);
        return plan.outcomes;
      });
      for (const { outcome } of outcomes) written[outcome]++;
      written.rows += batch.length;
      report.batches.committed++;
      await progress?.(0.5 + (0.5 * written.rows) / Math.max(1, total));
    } catch (error) {
      ctx.logger.error('import_batch_failed', {
        kind: opts.kind,
        fromRow: first,
        toRow: last,
        error: error instanceof Error ? error.stack : String(error),
      });
      report.status = 'failed';
      report.failure = {
        fromRow: first,
        toRow: last,
        message:
          error instanceof DomainError
            ? error.message
            : `The batch of rows ${first}–${last} could not be written and was rolled back; nothing of it is stored.`,
      };
      break;
    }
  }
  report.summary = written;
  if (report.batches.committed > 0) await foldAnalytics(ctx);
  return report;
}

/**
 * Folds what the import wrote into the analytics facts and summaries now (skill-summary.repo.ts), so the first
 * analytics read after a large import does not pay for it (50,000 graduates: tens of seconds). A failure here
 * loses nothing: the change log stays and the next read folds it.
 */
async function foldAnalytics(ctx: ServiceContext): Promise<void> {
  try {
    await refreshSkillSummary(ctx.database.db, ctx.principal.tenantId, giveWay);
  } catch (error) {
    ctx.logger.error('import_analytics_fold_failed', { error: error instanceof Error ? error.stack : String(error) });
  }
}
