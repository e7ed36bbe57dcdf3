import { defineConfig } from 'vitest/config';
import LoadFailureAsFailedTest from './scripts/mutation-load-failures';

/**
 * The test set Stryker runs against each mutant (`npm run mutation`): the fast unit tests of the
 * money core and the renderer store. Integration tests that start the real simulator are left out
 * on purpose (seconds each, times hundreds of mutants); the folders they cover have unit tests that
 * drive the same code with a FakeClock. The two projects mirror vitest.config.ts. A test file
 * that cannot even load counts as a failed test (scripts/mutation-load-failures.ts says why).
 */
const slow = ['**/*.int.test.ts', '**/node_modules/**'];

export default defineConfig({
  test: {
    reporters: ['default', new LoadFailureAsFailedTest()],
    projects: [
      {
        test: {
          name: 'mutation-node',
          environment: 'node',
          include: ['electron/core/**/*.test.ts', 'shared/**/*.test.ts'],
          exclude: slow,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'mutation-web',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          exclude: slow,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
