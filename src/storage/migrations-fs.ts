import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrate.ts';

const SQL_DIR = fileURLToPath(String(new URL('../../sql/', import.meta.url)));

/** Reads sql/*.sql (Node only; the Worker never migrates, `npm run migrate` does). */
export async function loadMigrations(dir: string = SQL_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(`${dir}/${name}`, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    }),
  );
}
