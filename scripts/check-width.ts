/**
 * `npm run lint:width`: fails when a line of a tracked (or new, not ignored) text file is longer than 120 characters,
 * the width Prettier formats to. Prettier cannot break long strings or comments, so this catches what the formatter
 * leaves. Generated files (GENERATED) and frozen migrations (FROZEN) are allowed; length is counted in characters (code
 * points), so a line of Chinese text may be wider on screen than its count.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAX_WIDTH = 120;

/** Written by tools, not people (paths relative to the repository; a trailing '/' covers a folder). */
export const GENERATED: readonly string[] = [
  'package-lock.json',
  'data/',
  'bench/data/',
  'src/demo/data/occupations.json',
  'src/domain/skills/data/onet-technology.json',
  'src/domain/search/simd/kernels-wasm.ts',
  'src/domain/text/data/supervised-model.js',
  // Written by `npm run audit` (format /1) and kept byte for byte: tests read old reports through it.
  'test/unit/audit-report/fixtures/report-v1.json',
];

/**
 * Migrations that had landed with a line over the width before the check covered sql/. They are frozen: the
 * runner compares each applied file's checksum, so re-wrapping one would stop every database that ran it.
 */
export const FROZEN: readonly string[] = [
  'sql/20261128_2200_matching.sql',
  'sql/20261206_0433_search_impressions.sql',
  'sql/20261206_0641_employer_signup.sql',
  'sql/20261206_0645_graduate_outcomes.sql',
  'sql/20261206_0715_imports.sql',
  'sql/20261206_0825_applications.sql',
];

export interface LongLine {
  readonly line: number;
  readonly width: number;
}

export function isGenerated(path: string, generated: readonly string[] = GENERATED): boolean {
  return generated.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

/** The 1-based lines of `text` longer than `max` characters. */
export function longLines(text: string, max = MAX_WIDTH): LongLine[] {
  const found: LongLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const width = [...line].length;
    if (width > max) found.push({ line: i + 1, width });
  });
  return found;
}

function listFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  return out
    .toString('utf8')
    .split('\0')
    .filter((path) => path.length > 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let failures = 0;
  for (const path of listFiles(root)) {
    if (isGenerated(path) || FROZEN.includes(path)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(`${root}${path}`);
    } catch {
      continue; // deleted in the working tree but still in the index
    }
    if (bytes.includes(0)) continue; // binary (kernels.wasm)
    for (const { line, width } of longLines(bytes.toString('utf8'))) {
      console.log(`${path}:${line}: ${width} characters (max ${MAX_WIDTH})`);
      failures++;
    }
  }
  if (failures > 0) {
    console.error(`${failures} line(s) over ${MAX_WIDTH} characters`);
    process.exitCode = 1;
  }
}
