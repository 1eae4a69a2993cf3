import type { DocsAssets } from '../http/docs.ts';

/** A Workers static-assets binding (wrangler.toml [assets]), as far as /docs needs it. */
export interface AssetsBinding {
  fetch(input: string): Promise<Response>;
}

/**
 * The API reference UI's files on Workers: wrangler uploads swagger-ui-dist as the Worker's static assets
 * (wrangler.toml [assets], reached only through the binding) and /docs reads them from there, so the reference
 * needs no outside network on Workers either. A file read once is kept for the isolate's life.
 */
export function workerDocsAssets(binding: () => AssetsBinding | undefined): DocsAssets {
  const cache = new Map<string, string>();
  return async (file) => {
    const kept = cache.get(file);
    if (kept !== undefined) return kept;
    const res = await binding()?.fetch(`https://assets.invalid/${file}`);
    if (!res?.ok) return undefined;
    const text = await res.text();
    cache.set(file, text);
    return text;
  };
}
