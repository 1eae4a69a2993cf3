import { IMPORT_KINDS } from '../../../domain/imports/columns.ts';
import { z } from 'zod';

const bilingual = z.object({ zh: z.string(), en: z.string() });

const summary = z
  .object({
    rows: z.number().int().meta({ description: 'Data rows in the file (the header not counted).', example: 120 }),
    created: z.number().int().meta({ description: 'New records (would be created, in a dry run).', example: 100 }),
    updated: z.number().int().meta({ description: 'Existing records that the row changes.', example: 15 }),
    unchanged: z.number().int().meta({ description: 'Existing records the row leaves as they are.', example: 5 }),
    rejected: z.number().int().meta({ description: 'Rows with at least one failing field.', example: 0 }),
  })
  .meta({ id: 'ImportSummary' });

export const importReport = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    status: z.enum(['validated', 'rejected', 'completed', 'failed']).meta({
      description:
        'validated: a dry run found no failing row; rejected: rows failed and nothing was written; ' +
        'completed; failed: a batch could not be written and was rolled back (the batches before ' +
        'it stay; rerunning is idempotent).',
    }),
    file: z.object({
      format: z.enum(['csv', 'xlsx']),
      encoding: z
        .string()
        .nullable()
        .meta({ description: 'The encoding read (detected or given).', example: 'gb18030' }),
      delimiter: z.string().nullable().meta({ description: 'comma, tab or semicolon.', example: 'comma' }),
      columns: z
        .array(z.object({ header: z.string(), field: z.string() }))
        .meta({ description: 'How each header was understood.' }),
      ignoredColumns: z
        .array(z.string())
        .meta({ description: 'Headers the table does not know; their cells are ignored.' }),
    }),
    summary,
    errors: z
      .array(
        z.object({
          row: z
            .number()
            .int()
            .meta({ description: 'Row number as a spreadsheet shows it (the header is row 1).', example: 3 }),
          column: z.string().meta({ description: 'The header as the file wrote it.', example: '邮箱' }),
          field: z.string().meta({ description: 'The field of the header table.', example: 'email' }),
          message: bilingual,
        }),
      )
      .meta({ description: 'Every failing field, in row order (the first 1,000).' }),
    errorsTruncated: z.boolean(),
    batches: z.object({ size: z.number().int(), committed: z.number().int() }),
    failure: z.object({ fromRow: z.number().int(), toRow: z.number().int(), message: z.string() }).optional(),
  })
  .meta({ id: 'ImportReport' });

export const importRun = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['queued', 'running', 'completed', 'rejected', 'failed']),
    progress: z
      .number()
      .int()
      .meta({ description: '0–100: the check is the first half, the write the second.', example: 50 }),
    fileBytes: z.number().int(),
    report: importReport.nullable(),
    failureReason: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'ImportRun' });
