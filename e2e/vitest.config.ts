import { defineConfig } from 'vitest/config';

// Browser tests against the real server (started once by setup/global-setup.ts) in Debian's Chromium.
// One file at a time: they share that server, and a 2-core machine runs one browser well.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['./setup/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    reporters: ['default'],
  },
});
