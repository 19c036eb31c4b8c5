import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

/**
 * Three projects, run together by `vitest run`:
 * - unit: `app/**\/*.test.ts(x)` beside the code, no database, no server;
 * - integration: `*.integration.test.ts` and `tests/**` (outside http/e2e); every worker gets
 *   its own copy of one migrated database (tests/support/global-setup/database.ts);
 * - server: `tests/http/**` and `tests/e2e/**` against ONE production server started from
 *   `build/` (tests/support/global-setup/server.ts), so `npm test` builds first.
 */
export default defineConfig({
  resolve: {
    alias: {
      '~': path.join(root, 'app'),
      '#db': path.join(root, 'db'),
      '#tests': path.join(root, 'tests'),
    },
  },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup/console.ts'],
          exclude: ['app/**/*.integration.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['app/**/*.integration.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/http/**', 'tests/e2e/**'],
          globalSetup: ['tests/support/global-setup/database.ts'],
          setupFiles: ['tests/support/setup/database.ts', 'tests/support/setup/console.ts'],
          // argon2 hashes at OWASP strength: a handful per test adds up on a slow machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/http/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup/server.ts'],
          setupFiles: ['tests/support/setup/server.ts', 'tests/support/setup/console.ts'],
          // A browser test waits up to 20 s a step on a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
