import { defineConfig } from 'vitest/config';

// One suite for the whole repository. Integration tests open a real database: PGlite by default,
// a PostgreSQL server when DATABASE_URL is set (see packages/server/src/testing).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
