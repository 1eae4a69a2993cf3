import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerTableMarkdown, HEADER_TABLES } from '../../../src/domain/imports/header-table.ts';
import { foldHeader } from '../../../src/domain/imports/columns.ts';

// Prettier pads Markdown tables: compare without spaces and dash runs.
const squash = (s: string) => s.replace(/[ -]+/g, '');

describe('the import header table', () => {
  it('is printed in the README as the code has it', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const line of headerTableMarkdown().split('\n')) expect(squash(readme), line).toContain(squash(line));
  });

  it('gives every header of a kind one field (no spelling names two columns)', () => {
    for (const [kind, columns] of Object.entries(HEADER_TABLES)) {
      const seen = new Map<string, string>();
      for (const c of columns) {
        for (const h of new Set([c.key, c.en, c.zh, ...c.aliases].map(foldHeader))) {
          expect(seen.get(h) ?? c.key, `${kind}: ${h}`).toBe(c.key);
          seen.set(h, c.key);
        }
      }
    }
  });
});
