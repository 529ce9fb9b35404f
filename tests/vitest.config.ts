import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Three projects (`npx vitest run --project unit|database|browser`, or `npm run test:unit|test:db|test:browser`):
 * - unit: tests beside the code, no database, no global setup; runs in seconds.
 * - database: tests/integration, on PGlite and on a real PostgreSQL (global setup builds both templates).
 * - browser: tests/browser, Debian's Chromium against the app on PGlite.
 * `npm test` runs all three.
 */
export default defineConfig({
  root,
  test: {
    exclude: ['**/node_modules/**', 'data/**'],
    // Two workers on a 2-core machine (vitest's default is cores − 1 = one file at a time): a
    // PGlite-bound file then overlaps one that mostly waits on the PostgreSQL server or Chromium.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{core,tenants,content,plugins}/**/*.test.{ts,tsx}', 'tests/support/**/*.test.ts'],
          // Pure tests: one worker imports the sources once for many files (about 4× faster). A
          // unit test must therefore leave no module state behind (no vi.mock, no registries).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          // The sources are imported once per worker, not once per file (~0.6 CPU-s each). The core
          // keeps no module-level state, and a test file stops what it starts (apps, job pollers,
          // databases) in its afterAll; it must not use vi.mock or change process.env.
          isolate: false,
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          // A flow drives Chromium through several pages; on a busy 2-core machine 30 s is too tight.
          // Each Playwright action still fails on its own after 30 s.
          testTimeout: 120_000,
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
    ],
  },
});
