#!/usr/bin/env node
/**
 * `npm run build`: the renderer (vite.config.ts) and the three Node bundles (vite.node.config.ts):
 *   dist/renderer/            index.html + assets
 *   dist/electron/main.cjs    Electron main (CommonJS)
 *   dist/electron/preload.cjs single-file CommonJS preload (sandbox: true)
 *   dist/browser-host/main.mjs the browser host for `node`
 * Options: --renderer-root DIR builds another renderer directory (tooling checks only).
 */
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll({ rendererRoot } = {}) {
  await rm(resolve(root, 'dist/electron'), { recursive: true, force: true });
  const quiet = { logLevel: 'warn' };
  await build({ ...quiet, configFile: resolve(root, 'vite.config.ts'), ...(rendererRoot ? { root: resolve(rendererRoot) } : {}) });
  for (const target of ['main', 'preload', 'browser-host']) {
    process.env.CHECKSTAND_TARGET = target;
    // configFile is re-read per target: vite.node.config.ts picks its entry from CHECKSTAND_TARGET.
    await build({ ...quiet, configFile: resolve(root, 'vite.node.config.ts') });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { 'renderer-root': { type: 'string' } } });
  buildAll({ rendererRoot: values['renderer-root'] }).then(
    () => console.log('Built dist/renderer, dist/electron/main.cjs, dist/electron/preload.cjs, dist/browser-host/main.mjs'),
    (error) => {
      console.error(`Build failed: ${error.message}`);
      process.exit(1);
    },
  );
}
