// @ts-check
/**
 * Stryker for the money core and the renderer store, one folder per run (scripts/mutation.mjs
 * sets CHECKSTAND_MUTATE_FOLDER and merges the per-folder reports into
 * reports/mutation/mutation.json). Concurrency 1 by default: the build machine has 2 cores shared
 * by several jobs, and a second runner would only make each mutant's test run slower. On an idle
 * machine CHECKSTAND_MUTATE_CONCURRENCY=2 uses both cores.
 */
const folder = process.env.CHECKSTAND_MUTATE_FOLDER ?? 'electron/core/terminals';
const slug = folder.replaceAll('/', '-');
const isRenderer = folder.startsWith('renderer/');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  // A small program for the core (tsconfig.mutation.json), so checking each mutant is quick.
  tsconfigFile: isRenderer ? 'tsconfig.web.json' : 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [`${folder}/**/*.{ts,tsx}`, `!${folder}/**/*.test.{ts,tsx}`, `!${folder}/**/types.ts`],
  coverageAnalysis: 'perTest',
  concurrency: Math.max(1, Number(process.env.CHECKSTAND_MUTATE_CONCURRENCY) || 1),
  timeoutMS: 10_000,
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: `reports/mutation/folders/${slug}.json` },
  incrementalFile: `reports/mutation/incremental/${slug}.json`,
  tempDirName: `reports/mutation/.stryker-tmp-${slug}`,
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'release', 'reports', 'test-results', 'playwright-report', 'docs', 'build', '.ci'],
  thresholds: { high: 90, low: 85, break: null },
};
