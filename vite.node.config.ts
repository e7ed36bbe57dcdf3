import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The Node-side bundles (Electron main, preload, browser host). `scripts/build.mjs` picks one with
 * CHECKSTAND_TARGET; each is a single file. Runtime dependencies (ws, zod, electron-updater) stay
 * external and ship in node_modules; `electron` is provided by the runtime.
 */
const here = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string };
const RUNTIME_EXTERNALS = ['electron', 'ws', 'zod', 'electron-updater', /^zod\//, /^node:/];
const define = { __CHECKSTAND_VERSION__: JSON.stringify(pkg.version) };

export const targets: Record<string, UserConfig> = {
  /** dist/electron/main.cjs: the Electron main process (CommonJS; Electron's main entry). */
  main: {
    define,
    // string-width and its dependencies are ES modules only: inlined, so the CommonJS main bundle never require()s one.
    ssr: { noExternal: ['string-width', 'get-east-asian-width', 'strip-ansi', 'ansi-regex'] },
    build: {
      ssr: resolve(here, 'electron/host/electron/main.ts'),
      outDir: resolve(here, 'dist/electron'),
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: RUNTIME_EXTERNALS,
        output: { format: 'cjs', entryFileNames: 'main.cjs' },
      },
    },
  },
  /**
   * dist/electron/preload.cjs: ONE CommonJS file with everything inlined except `electron`,
   * because a sandboxed preload cannot require anything else.
   */
  preload: {
    define,
    build: {
      outDir: resolve(here, 'dist/electron'),
      emptyOutDir: false,
      target: 'chrome120',
      sourcemap: false,
      minify: false,
      lib: { entry: resolve(here, 'electron/host/electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: {
        external: ['electron'],
        output: { codeSplitting: false },
      },
    },
  },
  /** dist/browser-host/main.mjs: the browser host for plain `node`, simulator bundled in (demo mode). */
  'browser-host': {
    define,
    build: {
      ssr: resolve(here, 'electron/host/web/main.ts'),
      outDir: resolve(here, 'dist/browser-host'),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        external: RUNTIME_EXTERNALS,
        output: { format: 'es', entryFileNames: 'main.mjs' },
      },
    },
  },
};

export default defineConfig(targets[process.env.CHECKSTAND_TARGET ?? 'main'] ?? targets.main!);
