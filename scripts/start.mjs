#!/usr/bin/env node
/**
 * `npm start`: builds when sources are newer than dist/, then launches Electron; where Electron
 * cannot be had, says so in one line and starts the browser host instead.
 * `npm run start:web` (`--web`): the browser host directly. Other arguments (e.g. --port 8080,
 * --data-dir DIR) are passed to the browser host.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll } from './build.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const web = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

const OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/browser-host/main.mjs'];
const SOURCES = ['renderer', 'shared', 'electron', 'simulator', 'vite.config.ts', 'vite.node.config.ts', 'package.json'];

function newestMtime(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function needsBuild() {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(join(root, output)).mtimeMs);
    } catch {
      return true;
    }
  }
  return SOURCES.some((source) => newestMtime(join(root, source)) > oldestOutput);
}

async function main() {
  if (needsBuild()) {
    console.log('Building Checkstand…');
    await buildAll();
  }
  if (!web) {
    const electron = findElectronBinary();
    if (electron.ok) {
      const env = { ...process.env };
      delete env.ELECTRON_RUN_AS_NODE;
      const child = spawn(electron.path, [root], { stdio: 'inherit', env });
      child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
      for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
      return;
    }
    console.log(`Electron is not available on this machine (${electron.reason}); starting the browser host instead.`);
  }
  // The browser host reads its options from process.argv.
  process.argv = [process.argv[0], join(root, 'dist/browser-host/main.mjs'), ...passThrough];
  await import(pathToFileURL(join(root, 'dist/browser-host/main.mjs')).href);
}

main().catch((error) => {
  console.error(`Checkstand could not start: ${error.message}`);
  process.exit(1);
});
