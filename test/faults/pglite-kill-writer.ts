/**
 * The process a PGlite crash test kills (test/faults/pglite-kill.test.ts, bench/pglite-kill.ts). It opens
 * DATA_DIR as the server does (the lock, then PGlite at DATA_DIR/pglite; a stale lock left by a kill is taken
 * over), migrates, checks every round written before against the ledger the parent keeps, prints one
 * `verified` line, and then, unless --verify-only, writes transactions until it is killed, printing
 * `committed <n>` after each commit returns. A transaction n of round r writes, all or nothing:
 *   - a batch of BATCH graduates `k<r>-<n>-<j>` whose summaries are ~3 KB (stored out of line: TOAST);
 *   - an audit run `kill-<r>-<n>` and its outbox row (the pair a request for an audit writes);
 *   - and rewrites the summaries of batch n−1 to their second version (updated tuples, not only new ones).
 * Every 8th transaction also forces a CHECKPOINT, so some kills land in one.
 *
 *   node test/faults/pglite-kill-writer.ts <dataDir> <round> [--verify-only]
 * The ledger (<dataDir>/ledger.json) lists, per earlier round, the transactions whose commit was printed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { parseConfig } from '../../src/config.ts';
import { graduateCreate } from '../../src/domain/model/graduate.ts';
import { createTenant } from '../../src/services/keys.ts';
import { insertOutbox, insertRun } from '../../src/storage/audits.repo.ts';
import { insertGraduates } from '../../src/storage/graduates.repo.ts';
import { migrateFromDisk, openConfiguredDatabase } from '../../src/entry/open-database.ts';

const BATCH = 12;

/** Round r's committed transactions, as the parent saw them printed. */
interface LedgerRound {
  round: number;
  committed: number[];
}

/** A deterministic ~3 KB text (xorshift letters, so it does not compress away) for graduate j of batch n. */
function summaryOf(round: number, n: number, j: number, version: 1 | 2): string {
  let x = (round * 1_000_003 + n * 1_009 + j * 17 + version) >>> 0 || 1;
  let out = `v${version} r${round} n${n} j${j} `;
  while (out.length < 3_000) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

const externalId = (round: number, n: number, j: number) => `k${round}-${n}-${j}`;

/** What the database must hold for the ledger; returns the problems found (none: consistent). */
async function verify(database: Awaited<ReturnType<typeof openConfiguredDatabase>>, tenantId: string) {
  const { db } = database;
  const ledgerFile = `${process.argv[2]}/ledger.json`;
  const ledger: LedgerRound[] = existsSync(ledgerFile) ? JSON.parse(readFileSync(ledgerFile, 'utf8')) : [];
  const problems: string[] = [];
  // Every table reads from end to end (a torn page or a lost TOAST chunk would throw here).
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of tables.rows) await sql`select count(*) from ${sql.table(name)}`.execute(db);
  const graduates = await db
    .selectFrom('graduates')
    .select(['external_id', 'summary'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const runs = new Set(
    (await db.selectFrom('audit_runs').select('params').where('tenant_id', '=', tenantId).execute()).map(
      (r) => (typeof r.params === 'string' ? JSON.parse(r.params) : r.params).kill as string,
    ),
  );
  const outbox = new Set(
    (await db.selectFrom('audit_outbox').select('job_id').where('tenant_id', '=', tenantId).execute()).map(
      (r) => r.job_id,
    ),
  );
  // The same rows through the indexes as through the heap.
  await sql`set enable_seqscan = off`.execute(db);
  const viaIndex = await sql<{ n: number }>`
    select count(*)::int as n from graduates where tenant_id = ${tenantId} and external_id like 'k%'`.execute(db);
  await sql`reset enable_seqscan`.execute(db);
  if (viaIndex.rows[0]?.n !== graduates.length)
    problems.push(`index scan found ${viaIndex.rows[0]?.n} graduates, the heap ${graduates.length}`);

  const batches = new Map<string, { j: number; summary: string }[]>();
  for (const g of graduates) {
    const m = /^k(\d+)-(\d+)-(\d+)$/.exec(g.external_id ?? '');
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    batches.set(key, [...(batches.get(key) ?? []), { j: Number(m[3]), summary: g.summary }]);
  }
  for (const { round, committed } of ledger) {
    const last = committed.length === 0 ? -1 : Math.max(...committed);
    for (const n of committed) if (!batches.has(`${round}-${n}`)) problems.push(`committed ${round}-${n} is missing`);
    // Present beyond what was printed: only the one in flight at the kill (committed, not yet printed).
    for (const key of batches.keys()) {
      const [r, n] = key.split('-').map(Number);
      if (r === round && (n ?? 0) > last + 1) problems.push(`${key} exists but ${last + 1} was the last in flight`);
    }
  }
  for (const [key, rows] of batches) {
    const [round = 0, n = 0] = key.split('-').map(Number);
    if (rows.length !== BATCH) problems.push(`batch ${key} has ${rows.length} of ${BATCH} rows (half-written)`);
    if (!runs.has(key) || !outbox.has(`kill-${key}`))
      problems.push(`batch ${key}: run ${runs.has(key)}, outbox ${outbox.has(`kill-${key}`)} (half-written)`);
    const version = batches.has(`${round}-${n + 1}`) ? 2 : 1;
    for (const { j, summary } of rows)
      if (summary !== summaryOf(round, n, j, version))
        problems.push(`graduate ${key}-${j}: summary not version ${version}`);
  }
  for (const key of runs) if (!batches.has(key)) problems.push(`run ${key} without its batch (half-written)`);
  for (const id of outbox) if (!batches.has(id.replace(/^kill-/, ''))) problems.push(`outbox ${id} without its batch`);
  return { problems, batches: batches.size, graduates: graduates.length };
}

async function main(): Promise<void> {
  const [dataDir, roundArg, mode] = process.argv.slice(2);
  if (!dataDir || roundArg === undefined) throw new Error('usage: pglite-kill-writer.ts <dataDir> <round>');
  const round = Number(roundArg);
  const t0 = performance.now();
  const database = await openConfiguredDatabase(parseConfig({ DATA_DIR: dataDir }), 'the crash-test writer');
  const opened = performance.now();
  await migrateFromDisk(database, () => {});
  const migrated = performance.now();
  const tenantFile = `${dataDir}/tenant`;
  // The tenant is made once; its id is written only after its commit, so a kill in between leaves a stray tenant.
  if (!existsSync(tenantFile))
    writeFileSync(tenantFile, (await createTenant(database, { name: 'crash test', kind: 'university' })).id);
  const tenantId = readFileSync(tenantFile, 'utf8').trim();
  const verdict = {
    ...(await verify(database, tenantId)),
    ms: {
      imports: Math.round(t0),
      open: Math.round(opened - t0),
      migrate: Math.round(migrated - opened),
      verify: Math.round(performance.now() - migrated),
    },
  };
  console.log(`verified ${JSON.stringify(verdict)}`);
  if (mode === '--verify-only') {
    await database.close();
    return;
  }
  console.log('writing');
  for (let n = 0; ; n++) {
    const now = new Date();
    await database.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: BATCH }, (_, j) => ({
        id: crypto.randomUUID(),
        input: graduateCreate.parse({
          name: `crash ${round}-${n}-${j}`,
          externalId: externalId(round, n, j),
          summary: summaryOf(round, n, j, 1),
        }),
      }));
      await insertGraduates(trx, tenantId, now, rows);
      const runId = crypto.randomUUID();
      await insertRun(trx, {
        id: runId,
        tenantId,
        source: 'impressions',
        status: 'queued',
        params: { kill: `${round}-${n}` },
        requestedBy: 'crash test',
        now,
      });
      const payload = { runId, tenantId };
      await insertOutbox(trx, {
        id: crypto.randomUUID(),
        tenantId,
        jobName: 'audit',
        jobId: `kill-${round}-${n}`,
        payload,
        now,
      });
      for (let j = 0; n > 0 && j < BATCH; j++)
        await trx
          .updateTable('graduates')
          .set({ summary: summaryOf(round, n - 1, j, 2) })
          .where('tenant_id', '=', tenantId)
          .where('external_id', '=', externalId(round, n - 1, j))
          .execute();
    });
    console.log(`committed ${n}`);
    if (n % 8 === 7) await database.execScript('checkpoint');
  }
}

await main();
