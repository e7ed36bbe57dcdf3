#!/usr/bin/env node
/**
 * `npm run screenshots`: builds nothing itself (run `npm run build` first, the tour uses
 * dist/renderer), then walks the browser host through every key state and writes 1366×768 PNGs
 * (CHECKSTAND_SHOTS_SIZE=1024x768 and CHECKSTAND_SHOTS_DIR=… for other sizes) to docs/screenshots/
 * (see e2e/screenshots/take-screenshots.ts for the file names; the checkout in Arabic and Japanese,
 * checkout-ar.png and checkout-ja.png, comes from hosts started with CHECKSTAND_LOCALE=ar-KW / ja-JP),
 * then the printed receipt,
 * receipt-80mm.png (scripts/receipt-screenshot.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('dist/renderer is missing: run `npm run build` first.');
  process.exit(1);
}
const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'test', '--config', 'e2e/screenshots/screenshots.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The printed receipt (docs/screenshots/receipt-80mm.png): Chromium's PDF, read back by poppler.
const receipt = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsx', 'scripts/receipt-screenshot.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
});
process.exit(receipt.status ?? 1);
