import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './own-services.ts';

/** A service started as `npm start` runs it (src/entry/node.ts in a child process), on a port of its own. */
export interface NodeService {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/**
 * Starts the Node entry on `url` and resolves once /ready answers 200. No demo data, warnings only, and no
 * background workers (REDIS_URL points nowhere), so only the requests under test touch the indexes.
 */
export async function startNode(url: string, env: Record<string, string> = {}): Promise<NodeService> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/entry/node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      REDIS_URL: 'redis://127.0.0.1:9/0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${out}`);
    const ready = await fetch(`${base}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { child, base, output: () => out };
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopNode(service: NodeService): Promise<void> {
  if (service.child.exitCode !== null) return;
  const exited = new Promise((r) => service.child.once('exit', r));
  service.child.kill('SIGTERM');
  await exited;
}
