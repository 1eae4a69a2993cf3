import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import postgres from 'postgres';
import { migrateFromDisk } from '../../src/entry/open-database.ts';
import { openPglite } from '../../src/storage/db-pglite.ts';

/** A COPY chunk's size: big enough for few round trips, small enough that PGlite's WASM heap takes it. */
const CHUNK_BYTES = 16 << 20;

/**
 * Copies every table of a PostgreSQL database (one `npm run load` filled and `npm run embed` embedded) into a
 * PGlite data directory migrated by the same migrations: COPY … TO STDOUT streamed from PostgreSQL, COPY … FROM
 * in PGlite in chunks cut at row ends. The rows, stored vectors (same embedder id, so the same bytes) and
 * derivations arrive as they are, so the service on PGlite starts as it would after loading and embedding there,
 * minus the hours that takes in one WASM process. Triggers are off while copying (session_replication_role), so the
 * version rows and change marks are PostgreSQL's, not re-bumped. PGlite's pgvector column is left empty: the
 * in-memory index reads the portable bytea vectors; `VECTOR_SEARCH=pgvector` would need it filled.
 */
export async function copyPostgresToPglite(
  url: string,
  dataDir: string,
  say: (line: string) => void,
): Promise<{ rows: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const migrated = await openPglite(dataDir);
  await migrateFromDisk(migrated, say);
  await migrated.close();
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  const lite = await PGlite.create({ dataDir, extensions: { vector } });
  let rows = 0;
  let bytes = 0;
  try {
    await lite.exec('set session_replication_role = replica');
    const tables = await pg<Array<{ name: string }>>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`;
    await lite.exec(`truncate ${tables.map((t) => `"${t.name}"`).join(', ')}`);
    for (const { name } of tables) {
      const columns = await pg<Array<{ name: string }>>`
        select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${name} order by ordinal_position`;
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const into = `copy "${name}" (${list}) from '/dev/blob'`;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let tableRows = 0;
      const flush = async (upTo: number) => {
        const all = Buffer.concat(pending);
        const cut = all.lastIndexOf(10, upTo - 1) + 1;
        if (cut > 0) {
          const chunk = all.subarray(0, cut);
          const result = await lite.query(into, [], { blob: new Blob([chunk]) });
          tableRows += result.affectedRows ?? 0;
          bytes += chunk.length;
        }
        pending = [all.subarray(cut)];
        pendingBytes = all.length - cut;
      };
      const stream = await pg.unsafe(`copy "${name}" (${list}) to stdout`).readable();
      for await (const data of stream as AsyncIterable<Buffer>) {
        pending.push(data);
        pendingBytes += data.length;
        if (pendingBytes >= CHUNK_BYTES) await flush(pendingBytes);
      }
      await flush(pendingBytes);
      if (pendingBytes > 0) throw new Error(`${name}: ${pendingBytes} bytes after the last row end`);
      rows += tableRows;
      if (tableRows > 0) say(`copied ${name}: ${tableRows} rows`);
    }
    const sequences = await pg<Array<{ name: string; value: string | null }>>`
      select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`;
    for (const s of sequences)
      if (s.value !== null) await lite.query(`select setval('"${s.name}"', ${Number(s.value)})`);
  } finally {
    await lite.close();
    await pg.end();
  }
  return { rows, bytes, seconds: (performance.now() - started) / 1000 };
}

/** `node bench/http/copy-to-pglite.ts <database url> <DATA_DIR>`: the copy alone (bench:http --pglite-from=<dir>). */
if (import.meta.main) {
  const [url, dataDir] = process.argv.slice(2);
  if (!url || !dataDir) throw new Error('usage: node bench/http/copy-to-pglite.ts <database url> <DATA_DIR>');
  const done = await copyPostgresToPglite(url, `${dataDir}/pglite`, (line) => console.log(line));
  console.log(`copied ${done.rows} rows (${(done.bytes / 2 ** 20).toFixed(0)} MiB) in ${done.seconds.toFixed(1)} s`);
}
