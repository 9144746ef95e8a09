import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'common/**/*.test.ts',
      'electron/**/*.test.ts',
      'sync-server/**/*.test.ts',
      'renderer/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    environment: 'node',
    // One PostgreSQL for the run: the server tests run against SQLite and PostgreSQL.
    globalSetup: ['sync-server/testing/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server tests bind real ports and write real SQLite files; two workers suit 2-core machines.
    maxWorkers: 2,
  },
});
