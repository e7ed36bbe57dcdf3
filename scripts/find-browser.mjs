#!/usr/bin/env node
/**
 * Finds a Chromium for the Playwright e2e specs. Order: $CHROMIUM_PATH, Playwright's own
 * Chromium (when its executable is really there), then the Debian/Ubuntu/Google packages.
 * There is no silent skip: with no browser, `npm test` stops here and says how to get one.
 *
 * CLI: prints the path (exit 0) or the instructions (exit 1).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const HOW_TO_GET_ONE = [
  'No Chromium found for the end-to-end tests. Get one of:',
  '  - Debian/Ubuntu:   sudo apt-get install -y chromium        (then it is found at /usr/bin/chromium)',
  '  - Playwright:      npx playwright install chromium        (needs internet)',
  '  - any other build: export CHROMIUM_PATH=/path/to/chrome',
].join('\n');

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** @returns {{ path: string, source: string } | { path: undefined, tried: string[] }} */
export function findBrowser(env = process.env) {
  const tried = [];
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    // An explicit setting that is wrong is an error, not something to paper over.
    tried.push(`${fromEnv} (CHROMIUM_PATH: ${existsSync(fromEnv) ? 'not executable' : 'does not exist'})`);
    return { path: undefined, tried };
  }
  const own = playwrightChromium();
  if (own) {
    if (isExecutable(own)) return { path: own, source: "Playwright's own Chromium" };
    tried.push(`${own} (Playwright's own: not installed)`);
  }
  for (const candidate of SYSTEM_CANDIDATES) {
    if (isExecutable(candidate)) return { path: candidate, source: 'system package' };
    tried.push(candidate);
  }
  return { path: undefined, tried };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const found = findBrowser();
  if (found.path) {
    console.log(found.path);
  } else {
    console.error(`${HOW_TO_GET_ONE}\nTried:\n${found.tried.map((t) => `  - ${t}`).join('\n')}`);
    process.exit(1);
  }
}
