import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm test` must find a browser or stop with instructions: never skip the e2e specs silently. */
const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, 'find-browser.mjs');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checkstand-browser-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function find(env: Record<string, string>) {
  return run(process.execPath, [script], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout.trim(), stderr: r.stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }),
  );
}

describe('find-browser', () => {
  it('uses CHROMIUM_PATH when it points at an executable', async () => {
    const fake = path.join(dir, 'my-chrome');
    await writeFile(fake, '#!/bin/sh\n');
    await chmod(fake, 0o755);
    expect(await find({ CHROMIUM_PATH: fake })).toMatchObject({ code: 0, stdout: fake });
  });

  it('a CHROMIUM_PATH that does not exist fails with how to get a browser', async () => {
    const r = await find({ CHROMIUM_PATH: path.join(dir, 'nope') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).toContain('npx playwright install chromium');
    expect(r.stderr).toContain('CHROMIUM_PATH: does not exist');
  });

  it('a CHROMIUM_PATH that is not executable is refused', async () => {
    const notExec = path.join(dir, 'not-exec');
    await writeFile(notExec, '');
    const r = await find({ CHROMIUM_PATH: notExec });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not executable');
  });
});
