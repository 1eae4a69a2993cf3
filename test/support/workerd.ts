import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';

/*
 * The Worker as it ships: wrangler bundles src/entry/worker.ts exactly as `npm run build:worker` does, and
 * workerd (through miniflare) runs the bundle with the modules and static assets wrangler would upload.
 * Bundling takes seconds: a test file builds once and boots as many workerd instances as it needs.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const wranglerBin = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
);
const offline = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true' };

export interface WorkerBundle {
  outDir: string;
  /** The bundled entry's text. */
  script: string;
  compatibilityDate: string;
  /** Modules wrangler put beside the entry, as paths under outDir. */
  wasmModules: string[];
  esModules: string[];
  /** Boots the bundle in its own workerd with these bindings (vars as strings, Hyperdrive as a local URL). */
  boot(bindings: Record<string, string>, hyperdrives?: Record<string, string>): Miniflare;
  /** Disposes every instance booted and removes the bundle. */
  dispose(): Promise<void>;
}

export async function bundleWorker(): Promise<WorkerBundle> {
  const toml = await readFile(join(root, 'wrangler.toml'), 'utf8');
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? '';
  const [, assetsDir = '', assetsBinding = ''] =
    /^\[assets\]\s*\ndirectory\s*=\s*"([^"]+)"\s*\nbinding\s*=\s*"([^"]+)"/m.exec(toml) ?? [];
  const outDir = await mkdtemp(join(tmpdir(), 'bole-worker-'));
  await promisify(execFile)(process.execPath, [wranglerBin, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: root,
    env: offline,
  });
  const script = await readFile(join(outDir, 'worker.js'), 'utf8');
  const files = (await readdir(outDir, { recursive: true })).filter((name) => name !== 'worker.js');
  const wasmModules = files.filter((name) => name.endsWith('.wasm')).map((name) => join(outDir, name));
  const esModules = files.filter((name) => name.endsWith('.js')).map((name) => join(outDir, name));
  const instances: Miniflare[] = [];
  return {
    outDir,
    script,
    compatibilityDate,
    wasmModules,
    esModules,
    boot(bindings, hyperdrives = {}) {
      const mf = new Miniflare(
        convertV4MiniflareOptions({
          name: 'bole',
          modulesRoot: outDir,
          modules: [
            // Named as wrangler names it (dev and deploy): worker.js at the root, beside the modules it imports.
            { type: 'ESModule', path: join(outDir, 'worker.js'), contents: script },
            ...wasmModules.map((path) => ({ type: 'CompiledWasm' as const, path })),
            ...esModules.map((path) => ({ type: 'ESModule' as const, path })),
          ],
          compatibilityDate,
          compatibilityFlags: ['nodejs_compat'],
          bindings: { LOG_LEVEL: 'warn', ...bindings },
          hyperdrives,
          // As wrangler.toml declares them: the Worker first on every path, the files only through the binding.
          ...(assetsDir
            ? {
                assets: {
                  directory: resolve(root, assetsDir),
                  binding: assetsBinding,
                  routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
                },
              }
            : {}),
        }),
      );
      instances.push(mf);
      return mf;
    },
    async dispose() {
      await Promise.all(instances.splice(0).map((mf) => mf.dispose()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** A URL with a password (Miniflare insists on one for Hyperdrive; the test server trusts local connections). */
export const withPassword = (url: string): string => {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'unused';
  return parsed.toString();
};
