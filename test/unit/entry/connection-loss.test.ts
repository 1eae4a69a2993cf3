import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../../../src/services/health.ts';

const processModule = fileURLToPath(new URL('../../../src/entry/process.ts', import.meta.url));

/** Runs a service-like script in a child Node: the guard installed, then an unhandled rejection of `reason`. */
function rejectUnhandled(reason: string) {
  const script = `
    import { surviveConnectionLoss } from ${JSON.stringify(processModule)};
    surviveConnectionLoss();
    Promise.reject(${reason});
    setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
}

describe('a service and a lost database connection', () => {
  it("lives through postgres.js's unhandled CONNECTION_DESTROYED, saying so as a JSON line", () => {
    const run = rejectUnhandled(
      `Object.assign(new Error('write CONNECTION_DESTROYED 127.0.0.1:5432'), { code: 'CONNECTION_DESTROYED' })`,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('still serving');
    const line = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', event: 'connection_lost' });
    expect(line.msg).toContain('CONNECTION_DESTROYED');
  });

  it('still ends the process on any other unhandled rejection', () => {
    const run = rejectUnhandled(`new TypeError('a bug')`);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('still serving');
    expect(JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      level: 'error',
      event: 'unhandled_rejection',
      msg: 'a bug',
    });
  });

  it('answers a full server (53300 too_many_connections) as unavailable, like a lost connection', () => {
    expect(databaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(
      true,
    );
    expect(databaseUnavailable(Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(databaseUnavailable(new Error('no code'))).toBe(false);
  });
});
