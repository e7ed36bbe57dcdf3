/**
 * Finds the Electron binary WITHOUT triggering the `electron` package's lazy download (requiring
 * `electron` itself would try to fetch it, which hangs or fails on machines without internet).
 * Answers { ok: true, path } or { ok: false, reason } with the reason in a few plain words.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function findElectronBinary({ env = process.env, platform = process.platform, fromDir = import.meta.url, probe = true } = {}) {
  let packageDir;
  try {
    packageDir = dirname(createRequire(fromDir).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'no binary' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, relative);
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { ok: false, reason: 'no binary' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no display' };
  if (probe) {
    // Present is not runnable: missing shared libraries show up here, not as a window.
    const run = spawnSync(binary, ['--version'], { env: { ...env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 15_000, encoding: 'utf8' });
    if (run.status !== 0) return { ok: false, reason: 'the binary does not run here' };
  }
  return { ok: true, path: binary };
}
