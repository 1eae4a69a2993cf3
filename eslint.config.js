import tseslint from 'typescript-eslint';

// Layers (STYLE.md): http → services → domain, services → storage and queue. Imports only go down;
// scripts/check-cycles.ts (also in npm run lint) forbids import cycles.
const kysely = {
  group: ['kysely', 'kysely/*'],
  message: 'SQL lives in src/storage repositories: call one (type imports included).',
};
const jobs = {
  group: ['**/jobs/**'],
  message: 'src/ does not reach into jobs/ (only the entries start the background supervisor).',
};
const above = (layers, who) => ({ group: layers, message: `${who} may not import a layer above it.` });
const entries = ['**/entry/**', '**/app.ts'];

const noIo = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'domain/ is pure: no Node APIs.' },
    {
      group: ['**/storage/**', '**/services/**', '**/http/**', '**/queue/**', ...entries],
      message: 'domain/ depends on nothing outside domain/.',
    },
    {
      group: ['kysely', 'postgres', 'bullmq', 'ioredis', 'hono', '@hono/*', '@electric-sql/*'],
      message: 'domain/ is pure: no I/O libraries.',
    },
    jobs,
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.wrangler/**',
      '.data/**',
      'bench/out/**',
      'src/domain/text/data/supervised-model.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', noIo] } },
  {
    // The scorer must not be able to see protected attributes (DESIGN.md principle 1).
    files: [
      'src/domain/matching/**/*.ts',
      'src/domain/search/**/*.ts',
      'src/domain/text/**/*.ts',
      'src/domain/explain/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noIo.patterns,
            {
              group: ['**/demographics*', '**/fairness/**'],
              message: 'Scoring code may not import protected attributes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/storage/**/*.ts',
      'src/queue/**/*.ts',
      'src/embedders/**/*.ts',
      'src/demo/**/*.ts',
      'src/config.ts',
      'src/logger.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [above(['**/services/**', '**/http/**', ...entries], 'This module'), jobs] },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [kysely, above(['**/http/**', ...entries], 'A service'), jobs] }],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            kysely,
            above(entries, 'A route'),
            jobs,
            { group: ['**/storage/**'], allowTypeImports: true, message: 'Routes call services; no SQL in handlers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [kysely, above(['**/entry/**'], 'The app'), jobs] }] },
  },
  { files: ['jobs/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [kysely] }] } },
);
