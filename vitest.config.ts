import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { SummaryReporter } from './test/summary-reporter.ts';

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'web/dist/**', '.data/**'],
    // Database-backed tests each start their own PGlite or create their own
    // PostgreSQL database; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', new SummaryReporter()],
    projects: [
      // Everything in Node, as before: unit, database, API and browser (e2e) tests.
      { extends: true, test: { name: 'node', include: ['**/*.test.ts'] } },
      // Solid component tests: compiled by the Solid plugin (which also picks the
      // browser builds of solid-js), run in jsdom. Kept apart so the plugin's
      // resolve conditions never reach the Node tests.
      {
        extends: true,
        plugins: [solid()],
        test: { name: 'web', include: ['web/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['web/vitest-setup.ts'] },
      },
    ],
  },
});
