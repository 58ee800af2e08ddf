import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const storageTests = ['packages/db/test/**/*.test.ts', 'packages/server/test/**/*.test.ts'];
// Real PostgreSQL joins the run when TEST_DATABASE_URL names one (CI always sets it).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Workspace packages resolve to their TypeScript sources, so tests need no build.
const sourceFirst = {
  resolve: { conditions: ['source', 'module', 'node', 'development'] },
  ssr: {
    resolve: { conditions: ['source', 'module', 'node', 'development'], externalConditions: ['source'] },
  },
};

const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  ...sourceFirst,
  test: {
    ...timeouts,
    // One file more than there are cores, not vitest's one fewer: the files mostly wait on
    // PostgreSQL, Redis, servers in child processes and Chromium, and on 2 cores one at a time
    // took the suite 800 s where three at a time took 470 s.
    maxWorkers: availableParallelism() + 1,
    projects: [
      {
        ...sourceFirst,
        test: {
          ...timeouts,
          name: 'storage:pglite',
          include: storageTests,
          env: { TEST_DB_DRIVER: 'pglite' },
        },
      },
      ...(withPostgres
        ? [
            {
              ...sourceFirst,
              test: {
                ...timeouts,
                name: 'storage:postgres',
                include: storageTests,
                env: { TEST_DB_DRIVER: 'postgres' },
              },
            },
          ]
        : []),
      {
        ...sourceFirst,
        test: {
          ...timeouts,
          name: 'packages',
          include: [
            'packages/sdk/test/**/*.test.ts',
            'packages/departments/test/**/*.test.ts',
            'packages/identity/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'examples/**/*.test.ts',
            'docs-site/test/**/*.test.ts',
          ],
        },
      },
    ],
  },
});
