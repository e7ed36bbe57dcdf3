// @ts-check
import js from '@eslint/js';
import formatjs from 'eslint-plugin-formatjs';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Lint, and above all the import boundaries of DESIGN.md "The shape":
 *   renderer → shared,  electron/host → electron/core → shared,  simulator → shared,
 *   and one edge for demo mode: electron/host/demo-mode.ts → simulator (nothing else in electron/).
 * Each folder gets one `no-restricted-imports` block (flat config replaces a rule's options rather
 * than merging them, so the globs below are disjoint and each lists everything its folder bans).
 * Test files are the one exception: they run under Vitest in Node, so shared/ tests may import
 * vitest and fast-check, and renderer tests Node built-ins; the Electron bans still hold.
 */

const TS = '**/*.{ts,tsx,mts,cts}';
/** Tests run under Vitest in Node: they may use vitest, fast-check and Node built-ins anywhere. */
const TESTS = ['**/*.test.{ts,tsx}', 'renderer/test/**'];

/** Test support that is not itself a test file: the core's doubles, fixtures and harness. */
const TEST_SUPPORT = ['electron/core/testing/**'];
/** The one place the hosts reach the simulator (demo mode); everything else gets it from here. */
const DEMO_EDGE = ['electron/host/demo-mode.ts'];

/** A relative path that climbs out to a top-level folder, e.g. "../../renderer/store". */
const climbsTo = (folder) => `^(\\.\\./)+${folder}(/|$)`;

const ban = {
  electronModule: { name: 'electron', message: 'Only electron/host/ may use Electron; this folder must run under plain Node or a browser.' },
  rendererFolder: { regex: climbsTo('renderer'), message: 'The main process and the simulator never import renderer code; share it through shared/.' },
  electronFolder: {
    regex: climbsTo('electron'),
    message: 'The renderer and the simulator never import main-process code; talk through the typed bridge (shared/ipc).',
  },
  simulatorFolder: {
    regex: climbsTo('simulator'),
    message:
      'Only demo mode (electron/host/demo-mode.ts, and compose.ts through it) may use the simulator: the core talks to a gateway, never to our stand-in.',
  },
  nodePrefixed: { regex: '^node:', message: 'The renderer runs in a browser sandbox: no Node built-ins.' },
};

/** shared/ imports zod and its own files only. A relative path may not climb above shared/. */
function sharedBlocks() {
  const blocks = [];
  for (let depth = 0; depth <= 4; depth++) {
    const files = [`shared/${'*/'.repeat(depth)}*.{ts,tsx}`];
    blocks.push({
      files,
      ignores: TESTS,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '^(?!(zod|@formatjs/icu-messageformat-parser)(/|$))[^.]',
                message: 'shared/ may import only zod and the ICU message parser (and its own files): it runs in Node and in the browser.',
              },
              { regex: `^(\\.\\./){${depth + 1},}`, message: 'shared/ may not import from outside shared/.' },
            ],
          },
        ],
      },
    });
  }
  return blocks;
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'reports/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.checkstand-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: c.files ?? [TS] })),
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: [TS],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Size limits for source: a file says one thing (300 lines), a function does one job (80).
  // Not for tests and e2e specs (a scenario reads top to bottom); bench/ and reliability/ drivers
  // keep them too.
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    ignores: [...TESTS, 'e2e/**'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // Accessibility of the markup itself (axe checks the rendered page in e2e/accessibility.spec.ts).
  { files: ['renderer/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    // The renderer is a browser page: no Node globals (process, Buffer, __dirname).
    languageOptions: { globals: { ...globals.browser } },
  },

  // ---- i18n: nothing a cashier reads is hard-coded (issue 16) ----
  // Text in JSX and in the attributes a cashier or a screen reader meets comes from the catalogues
  // (useT / FormattedMessage). The renderer's .ts files (banner-text.ts, decline.ts…) are checked
  // by shared/i18n/hard-coded-text.test.ts, which this rule cannot see into.
  {
    files: ['renderer/**/*.tsx'],
    ignores: TESTS,
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{aria-label,aria-description,aria-roledescription,aria-valuetext,title,placeholder,alt,label}']] } },
      ],
    },
  },

  // ---- import boundaries ----
  ...sharedBlocks(),
  {
    files: ['electron/core/**/*.{ts,tsx}'],
    ignores: [...TESTS, ...TEST_SUPPORT],
    rules: { 'no-restricted-imports': ['error', { paths: [ban.electronModule], patterns: [ban.rendererFolder, ban.simulatorFolder] }] },
  },
  // The core's tests and test support start the real simulator (integration tests).
  {
    files: ['electron/core/**/*.test.{ts,tsx}', ...TEST_SUPPORT],
    rules: { 'no-restricted-imports': ['error', { paths: [ban.electronModule], patterns: [ban.rendererFolder] }] },
  },
  {
    files: ['electron/**/*.{ts,tsx}'],
    ignores: ['electron/core/**', ...DEMO_EDGE, ...TESTS],
    rules: { 'no-restricted-imports': ['error', { patterns: [ban.rendererFolder, ban.simulatorFolder] }] },
  },
  // The host → simulator edge (demo mode), and the hosts' tests that start a simulator.
  {
    files: [...DEMO_EDGE, 'electron/host/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ban.rendererFolder] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ban.electronModule, ...builtinModules.map((name) => ({ name, message: ban.nodePrefixed.message }))],
          patterns: [ban.nodePrefixed, ban.electronFolder],
        },
      ],
    },
  },
  {
    files: TESTS.filter((g) => g.startsWith('renderer/')).concat('renderer/**/*.test.{ts,tsx}'),
    rules: { 'no-restricted-imports': ['error', { paths: [ban.electronModule], patterns: [ban.electronFolder] }] },
  },
  {
    files: ['simulator/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [ban.electronModule], patterns: [ban.electronFolder, ban.rendererFolder] }] },
  },
);
