import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** A decision file of `n` rows in lists of 20, half female, a seventh selected. */
function decisions(n: number): string {
  const lines = ['subjectId,listId,rank,score,selected,gender'];
  for (let i = 0; i < n; i++)
    lines.push(
      `s${i},L${Math.floor(i / 20)},${(i % 20) + 1},${(1 - (i % 20) / 21).toFixed(4)},${i % 7 === 0 ? 1 : 0},${
        i % 2 === 0 ? 'female' : 'male'
      }`,
    );
  return `${lines.join('\n')}\n`;
}

function audit(...args: string[]) {
  const r = spawnSync(process.execPath, ['src/entry/audit-cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Issue 16 item 6: `npm run audit` on a large file, and an --out folder someone planted links in. */
describe('the audit command line (npm run audit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bole-audit-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('audits 125,000 rows without overflowing the stack', () => {
    const input = join(dir, 'large.csv');
    writeFileSync(input, decisions(125_000));
    const out = join(dir, 'large');
    const r = audit('--input', input, '--out', out);
    expect(r.out).not.toContain('call stack');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { totals: { decisions: number } };
    expect(report.totals.decisions).toBe(125_000);
    expect(r.out).toContain('125000 rows');
  });

  it('replaces links planted in --out instead of writing through them, and refuses a linked --out', () => {
    const input = join(dir, 'small.csv');
    writeFileSync(input, decisions(60));
    const victims = join(dir, 'victims');
    mkdirSync(victims);
    const out = join(dir, 'planted');
    mkdirSync(out);
    for (const name of ['report.json', 'report.html']) {
      writeFileSync(join(victims, name), 'keep me');
      symlinkSync(join(victims, name), join(out, name));
    }
    const r = audit('--input', input, '--out', out);
    expect(r.status).toBe(0);
    for (const name of ['report.json', 'report.html']) {
      expect(readFileSync(join(victims, name), 'utf8')).toBe('keep me');
      expect(lstatSync(join(out, name)).isSymbolicLink()).toBe(false);
    }
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toHaveProperty('totals.decisions', 60);
    // No temporary file is left beside them.
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json']);

    const linked = join(dir, 'linked');
    symlinkSync(victims, linked);
    const refused = audit('--input', input, '--out', linked);
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('symbolic link');
    expect(readdirSync(victims).sort()).toEqual(['report.html', 'report.json']);
    expect(readFileSync(join(victims, 'report.json'), 'utf8')).toBe('keep me');
  });
});
