import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { IMPORT_KINDS, type ImportKind } from '../domain/imports/columns.ts';
import { createJsonLogger } from '../logger.ts';
import { systemClock, systemContext, type ServiceContext } from '../services/context.ts';
import { importFile } from '../services/imports/engine.ts';
import { DELIMITERS, ENCODINGS, FORMATS, type FileSource } from '../services/imports/read.ts';
import { listTenantIds } from '../storage/tenants.repo.ts';
import { describeDatabase, migrateFromDisk, openConfiguredDatabase } from './open-database.ts';
import { runMain } from './process.ts';

const USAGE = `Usage: npm run import -- --tenant <tenant id> --kind ${IMPORT_KINDS.join('|')} FILE [--dry-run]
         [--format ${FORMATS.join('|')}] [--encoding ${ENCODINGS.join('|')}] [--delimiter ${DELIMITERS.join('|')}]
         [--batch-size 500] [--json]
The same import as POST /v1/imports/{kind} (the same checks, batches and report), run as the tenant's admin.
With the embedded PGlite database the running server holds the data directory: stop it first, or send the
file to the server (curl --data-binary @FILE .../v1/imports/{kind}). With DATABASE_URL both may run at once.`;

const oneOf = <T extends string>(values: readonly T[], v: string | undefined, flag: string): T | undefined => {
  if (v === undefined) return undefined;
  if ((values as readonly string[]).includes(v)) return v as T;
  throw new Error(`--${flag} must be one of ${values.join(', ')}`);
};

/** True when a Bole server answers on the configured port (with PGlite it is holding the data directory). */
async function serverRunning(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** `npm run import`: imports a CSV or XLSX file into a tenant through the same service as the HTTP API. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      kind: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'batch-size': { type: 'string', default: '500' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !values.tenant || !values.kind || !file) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const kind = oneOf<ImportKind>(IMPORT_KINDS, values.kind, 'kind') ?? 'graduates';
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new Error('--batch-size must be 1–10000');
  await stat(file);
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL && (await serverRunning(config.PORT))) {
    console.error(
      `A Bole server answers on port ${config.PORT} and holds the embedded database in ${config.DATA_DIR}/pglite.\n` +
        `Stop it first, or send the file to it:\n  curl -X POST 'http://127.0.0.1:${config.PORT}` +
        `/v1/imports/${kind}${values['dry-run'] ? '?dryRun=true' : ''}' ` +
        `-H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' --data-binary @${file}`,
    );
    return 3;
  }
  const database = await openConfiguredDatabase(config, 'npm run import');
  try {
    await migrateFromDisk(database, () => {});
    if (!(await listTenantIds(database.db, values.tenant)).includes(values.tenant)) {
      console.error(`No tenant ${values.tenant} in ${describeDatabase(config)}.`);
      return 2;
    }
    const ctx: ServiceContext = {
      ...systemContext({ database, clock: systemClock, logger: createJsonLogger('warn') }, 'import-cli'),
      principal: { keyId: 'cli', tenantId: values.tenant, role: 'admin', graduateId: null, employerId: null },
      requestId: `cli-${crypto.randomUUID()}`,
    };
    const source: FileSource = () => createReadStream(file);
    const started = performance.now();
    const report = await importFile(
      ctx,
      source,
      {
        kind,
        dryRun: values['dry-run'],
        format: oneOf(FORMATS, values.format, 'format'),
        encoding: oneOf(ENCODINGS, values.encoding, 'encoding'),
        delimiter: oneOf(DELIMITERS, values.delimiter, 'delimiter'),
        batchSize,
      },
      async (f) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${Math.round(f * 100)} %`);
      },
    );
    if (process.stderr.isTTY) process.stderr.write('\r');
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else {
      const s = report.summary;
      const how = report.file.format === 'xlsx' ? 'xlsx' : `csv, ${report.file.encoding}, ${report.file.delimiter}`;
      console.log(
        `${kind} ${report.status} (${how}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${s.rows} rows, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ` +
          `${s.rejected} rejected`,
      );
      if (report.file.ignoredColumns.length > 0)
        console.log(`ignored columns: ${report.file.ignoredColumns.join(', ')}`);
      for (const e of report.errors.slice(0, 50))
        console.log(`row ${e.row}, column ${e.column}: ${e.message.en}（${e.message.zh}）`);
      if (report.errors.length > 50) console.log(`… and ${report.errors.length - 50} more (--json lists them)`);
      if (report.failure) console.log(`failed: ${report.failure.message}`);
      if (report.status === 'rejected') console.log('Nothing was imported.');
    }
    return report.status === 'completed' || report.status === 'validated' ? 0 : 1;
  } finally {
    await database.close();
  }
}

runMain(async () => {
  process.exitCode = await main();
});
