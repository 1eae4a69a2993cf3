import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/universal';
import { formatCell } from '../../domain/imports/cells.ts';
import type { ColumnSpec, ImportKind, ImportRecord } from '../../domain/imports/columns.ts';
import { projectEmployer } from '../../domain/imports/employers.ts';
import { projectGraduate } from '../../domain/imports/graduates.ts';
import { projectOutcome } from '../../domain/imports/outcomes.ts';
import { projectPosting } from '../../domain/imports/postings.ts';
import { employerExternalIds, listEmployers } from '../../storage/employers.repo.ts';
import { graduateExternalIds, graduatesPage } from '../../storage/graduates.repo.ts';
import { listTenantOutcomes } from '../../storage/outcomes.repo.ts';
import type { Cursor } from '../../storage/keyset.ts';
import { toEmployer, toGraduate, toPosting } from '../../storage/mappers.ts';
import { listPostings } from '../../storage/postings.repo.ts';
import { requireRole } from '../access.ts';
import { logGraduateReads } from '../access-log.ts';
import type { ServiceContext } from '../context.ts';
import { toOutcome } from '../outcomes.ts';
import { requestedStatusOf } from '../posting-compliance.ts';
import { COLUMNS_OF } from './kinds.ts';

export const EXPORT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

export interface ExportRequest {
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  encoding: ExportEncoding;
  headers: 'zh' | 'en';
}

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  rows: number;
}

const PAGE = 500;
/** The cursor after a non-empty page. */
function next(rows: ReadonlyArray<{ created_at: Date; id: string }>): Cursor | undefined {
  const last = rows.at(-1);
  return last && { createdAt: last.created_at.toISOString(), id: last.id };
}

/** Every record of the kind in the tenant, a page at a time, in creation order (the order they were imported in). */
async function* records(ctx: ServiceContext, kind: ImportKind): AsyncGenerator<ImportRecord[]> {
  const { db } = ctx.database;
  const tenantId = ctx.principal.tenantId;
  let after: Cursor | undefined;
  for (;;) {
    if (kind === 'graduates') {
      const rows = await graduatesPage(db, tenantId, { limit: PAGE, after });
      if (rows.length === 0) return;
      await logGraduateReads(
        db,
        ctx,
        'export',
        rows.map((r) => r.id),
      );
      yield rows.map((r) => projectGraduate(toGraduate(r)));
      after = next(rows);
    } else if (kind === 'employers') {
      const rows = (await listEmployers(db, tenantId, { limit: PAGE, after })).slice(0, PAGE);
      if (rows.length === 0) return;
      yield rows.map((r) => projectEmployer(toEmployer(r)));
      after = next(rows);
    } else if (kind === 'outcomes') {
      const rows = (await listTenantOutcomes(db, tenantId, { limit: PAGE, cursor: after })).slice(0, PAGE);
      if (rows.length === 0) return;
      const graduateIds = rows.map((r) => r.graduate_id);
      await logGraduateReads(db, ctx, 'export', [...new Set(graduateIds)]);
      const externalIds = await graduateExternalIds(db, tenantId, graduateIds);
      yield rows.map((r) => projectOutcome(toOutcome(r), externalIds.get(r.graduate_id) ?? undefined));
      after = next(rows);
    } else {
      const rows = (await listPostings(db, tenantId, {}, { limit: PAGE, after })).slice(0, PAGE);
      if (rows.length === 0) return;
      const employers = await employerExternalIds(
        db,
        tenantId,
        rows.map((r) => r.employer_id),
      );
      yield rows.map((r) =>
        projectPosting(toPosting(r), {
          externalId: r.external_id ?? undefined,
          employerExternalId: employers.get(r.employer_id) ?? undefined,
          requestedStatus: requestedStatusOf(r),
        }),
      );
      after = next(rows);
    }
  }
}

const header = (c: ColumnSpec, lang: 'zh' | 'en') => (lang === 'zh' ? c.zh : c.en);

/**
 * GET /v1/exports/{kind}: every record in the header table's columns and canonical values, so the file imports
 * back as "unchanged". CSV is UTF-8 with a BOM (Excel opens it right) or GB18030; XLSX has one sheet.
 */
export async function exportRecords({
  ctx,
  request,
}: {
  ctx: ServiceContext;
  request: ExportRequest;
}): Promise<ExportFile> {
  requireRole(ctx.principal, ['career_office', 'admin'], `export ${request.kind}`);
  const columns = COLUMNS_OF[request.kind];
  const table: string[][] = [columns.map((c) => header(c, request.headers))];
  const typed: Array<Array<string | number | boolean | null>> = [];
  for await (const page of records(ctx, request.kind)) {
    for (const record of page) {
      table.push(columns.map((c) => formatCell(c.type, record.get(c.key))));
      if (request.format === 'xlsx')
        typed.push(
          columns.map((c) => {
            const v = record.get(c.key);
            return typeof v === 'number' ? v : v === undefined ? null : formatCell(c.type, v);
          }),
        );
    }
  }
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  const rows = table.length - 1;
  if (request.format === 'xlsx') {
    const sheet = [
      columns.map((c) => ({ value: header(c, request.headers), fontWeight: 'bold' as const })),
      ...typed.map((row) => row.map((value) => (value === null ? null : { value }))),
    ];
    const blob = await writeXlsxFile(sheet, { sheet: request.kind }).toBlob();
    return {
      bytes: new Uint8Array(await blob.arrayBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${request.kind}-${stamp}.xlsx`,
      rows,
    };
  }
  const text = stringify(table, { record_delimiter: '\r\n' });
  const bytes =
    request.encoding === 'gb18030'
      ? new Uint8Array(iconv.encode(text, 'gb18030'))
      : new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  return {
    bytes,
    contentType: `text/csv; charset=${request.encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`,
    fileName: `${request.kind}-${stamp}.csv`,
    rows,
  };
}
