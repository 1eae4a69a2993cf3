import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocsAssets } from '../http/docs.ts';

/** The API reference UI's files from the installed swagger-ui-dist package, read once each. */
export function nodeDocsAssets(): DocsAssets {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<string>>();
  return (file) => {
    let text = cache.get(file);
    if (!text) cache.set(file, (text = readFile(join(dir, file), 'utf8')));
    return text;
  };
}
