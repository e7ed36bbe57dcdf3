import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without type declarations
import { findElectronBinary } from './electron-binary.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake installed `electron` package: package.json, optional path.txt and dist/ binary. */
function fakeElectronPackage(options: { pathTxt?: string; binary?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'checkstand-electron-'));
  dirs.push(dir);
  const pkg = join(dir, 'node_modules', 'electron');
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (options.pathTxt) writeFileSync(join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) {
    writeFileSync(join(pkg, 'dist', 'electron'), options.binary);
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
  }
  return { fromDir: join(dir, 'index.mjs'), binary: join(pkg, 'dist', 'electron') };
}

const display = { DISPLAY: ':0' };

describe('findElectronBinary (npm start’s Electron check)', () => {
  it('says "no binary" when the package never downloaded it, without trying to download', () => {
    const { fromDir } = fakeElectronPackage({});
    expect(findElectronBinary({ fromDir, env: display, platform: 'linux' })).toEqual({ ok: false, reason: 'no binary' });
  });

  it('says "no binary" when path.txt names a file that is not there', () => {
    const { fromDir } = fakeElectronPackage({ pathTxt: 'electron' });
    expect(findElectronBinary({ fromDir, env: display, platform: 'linux' })).toEqual({ ok: false, reason: 'no binary' });
  });

  it('refuses a binary that does not run', () => {
    const { fromDir } = fakeElectronPackage({ pathTxt: 'electron', binary: '#!/bin/sh\nexit 3\n' });
    expect(findElectronBinary({ fromDir, env: display, platform: 'linux' })).toEqual({ ok: false, reason: 'the binary does not run here' });
  });

  it('refuses on Linux without a display', () => {
    const { fromDir } = fakeElectronPackage({ pathTxt: 'electron', binary: '#!/bin/sh\nexit 0\n' });
    expect(findElectronBinary({ fromDir, env: {}, platform: 'linux' })).toEqual({ ok: false, reason: 'no display' });
  });

  it('returns the path of a binary that runs', () => {
    const { fromDir, binary } = fakeElectronPackage({ pathTxt: 'electron', binary: '#!/bin/sh\necho v45.4.1\n' });
    expect(findElectronBinary({ fromDir, env: { ...display, PATH: process.env.PATH }, platform: 'linux' })).toEqual({ ok: true, path: binary });
  });
});
