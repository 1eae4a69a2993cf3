import { writeFile } from 'node:fs/promises';
import { createApp } from '../src/app.ts';
import { silentLogger } from '../src/logger.ts';

const offline = (): Promise<never> => Promise.reject(new Error('The OpenAPI document is built without a database.'));

/**
 * The document exactly as GET /openapi.json serves it, with every optional route group registered.
 * Building it touches no database or embedder, so linters and client generators can read it offline.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({
    database: { acquire: offline },
    clock: { now: () => new Date(0) },
    logger: silentLogger,
    maxBodyBytes: 1_048_576,
    version: 'document',
    matching: offline,
  });
  // The origin `npm start` listens on by default, which the document lists as its server.
  const res = await app.request('http://127.0.0.1:8787/openapi.json');
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

// `npm run openapi -- <file>` writes it (stdout without a file).
if (import.meta.main) {
  const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
  const file = process.argv[2];
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}
