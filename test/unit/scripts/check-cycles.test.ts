import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../../../scripts/check-cycles.ts';

describe('check-cycles', () => {
  it('finds every strongly connected group of modules and self-imports, and nothing in a DAG', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      cycles(
        new Map([
          ['x', ['y']],
          ['y', ['z']],
          ['z', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads type-only imports as edges and ignores packages and files outside the roots', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    mkdirSync(join(dir, 'src', 'http'), { recursive: true });
    const app = [
      "import { routes } from './http/routes.ts';",
      'export type Deps = { v: string };',
      'export const app = routes;',
    ];
    const routes = [
      "import type { Deps } from '../app.ts';",
      "import { z } from 'zod';",
      'export const routes = (d: Deps) => z.string().parse(d.v);',
    ];
    writeFileSync(join(dir, 'src', 'app.ts'), app.join('\n'));
    writeFileSync(join(dir, 'src', 'http', 'routes.ts'), routes.join('\n'));
    const graph = importGraph(dir, ['src']);
    expect(graph.get(join('src', 'http', 'routes.ts'))).toEqual([join('src', 'app.ts')]);
    expect(cycles(graph)).toEqual([[join('src', 'app.ts'), join('src', 'http', 'routes.ts')]]);
  });
});
