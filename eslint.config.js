import tseslint from 'typescript-eslint';

const noIo = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'domain/ is pure: no Node APIs.' },
    { group: ['**/storage/**', '**/services/**', '**/http/**', '**/queue/**', '**/entry/**'], message: 'domain/ depends on nothing outside domain/.' },
    { group: ['kysely', 'postgres', 'bullmq', 'ioredis', 'hono', '@hono/*', '@electric-sql/*'], message: 'domain/ is pure: no I/O libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.wrangler/**', '.data/**', 'bench/out/**', 'src/domain/text/data/supervised-model.ts'] },
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
    files: ['src/domain/matching/**/*.ts', 'src/domain/search/**/*.ts', 'src/domain/text/**/*.ts', 'src/domain/explain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noIo.patterns, { group: ['**/demographics*', '**/fairness/**'], message: 'Scoring code may not import protected attributes.' }],
      }],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/storage/**', 'kysely'], allowTypeImports: true, message: 'Routes call services; no SQL in handlers.' }] }] },
  },
);
