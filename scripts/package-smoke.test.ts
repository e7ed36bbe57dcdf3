import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves the packaging smoke test can fail: it is run on a throw-away copy of the project with a
 * stand-in build, once as configured (passes) and once broken twice over — the source-map
 * exclusion removed from electron-builder.yml and a main bundle that requires a dev dependency —
 * where it must fail and name both. The real run on the real build is a step of
 * `npm test` (scripts/test.mjs).
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts', 'package-smoke.mjs');

interface Report {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

async function fakeProject(dir: string, builderYml: string, mainBundle = 'require("ws");\n'): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  await copyFile(path.join(root, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  await writeFile(path.join(dir, 'electron-builder.yml'), builderYml);
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const files: Record<string, string> = {
    'dist/electron/main.cjs': `${mainBundle}//# sourceMappingURL=main.cjs.map\n`,
    'dist/electron/main.cjs.map': '{"version":3}',
    'dist/electron/preload.cjs': '"use strict";\n',
    'dist/renderer/index.html': '<!doctype html><title>Checkstand</title>',
    'dist/renderer/assets/index-abc.js': 'console.log(1)\n',
    'dist/browser-host/main.mjs': 'export {}\n',
    'electron/core/secret.ts': 'export const notShipped = 1;\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

async function smoke(project: string): Promise<{ code: number; report: Report; stdout: string }> {
  const reportFile = path.join(project, 'smoke.json');
  const result = await run(process.execPath, [script, '--project', project, '--report', reportFile], { timeout: 180_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '' }),
  );
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as Report;
  return { ...result, report };
}

describe('package-smoke', { timeout: 240_000 }, () => {
  let work: string;
  let yml: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'checkstand-smoke-test-'));
    yml = await readFile(path.join(root, 'electron-builder.yml'), 'utf8');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('passes on a correctly configured package and checks fuses, feed and dependencies', async () => {
    const project = path.join(work, 'good');
    await fakeProject(project, yml);
    const { code, report } = await smoke(project);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(code).toBe(0);
    const names = report.checks.map((c) => c.name);
    expect(names).toContain('Electron fuses flipped as configured');
    expect(names).toContain('app-update.yml is generated for the generic feed');
    expect(names).toContain('no dev dependency (or unknown package) is shipped');
    expect(names).toContain('the update feed is HTTPS');
    expect(names).toContain('Windows updates verify the publisher');
  });

  it('fails on a plain-http update feed and on Windows updates not pinned to our publisher', async () => {
    const unpinned = yml
      .replace(/^\s*publisherName:\n\s*- .*\n/m, '')
      .replace('url: ${env.CHECKSTAND_UPDATE_URL}', 'url: http://updates.checkstand.invalid/feed');
    expect(unpinned).not.toContain('publisherName:');
    const project = path.join(work, 'untrusted');
    await fakeProject(project, unpinned);
    const { code, report } = await smoke(project);
    expect(code).toBe(1);
    const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]));
    expect(Object.keys(failed).sort()).toEqual([
      'Windows updates verify the publisher',
      'app-update.yml is generated for the generic feed',
      'the update feed is HTTPS',
    ]);
    expect(failed['the update feed is HTTPS']).toBe('http://updates.checkstand.invalid/feed');
    expect(failed['Windows updates verify the publisher']).toBe('win.signtoolOptions.publisherName is not set');
  });

  it('fails, naming the culprits, on a source map let in by the allowlist and on a require of an unshipped package', async () => {
    const leaky = yml.replace(/^\s*- "!\*\*\/\*\.map"\n/m, '');
    expect(leaky).not.toEqual(yml);
    const project = path.join(work, 'broken');
    await fakeProject(project, leaky, 'require("ws");\nrequire("react");\n');
    const { code, report } = await smoke(project);
    expect(code).toBe(1);
    const failed = Object.fromEntries(report.checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]));
    expect(Object.keys(failed).sort()).toEqual([
      'no source maps, TypeScript sources or tests',
      'the bundles require only Electron, Node built-ins and shipped packages',
    ]);
    expect(failed['no source maps, TypeScript sources or tests']).toContain('/dist/electron/main.cjs.map (source map)');
    expect(failed['the bundles require only Electron, Node built-ins and shipped packages']).toBe('dist/electron/main.cjs: require("react")');
  });

  it('fails with a clear message when there is no build', async () => {
    const project = path.join(work, 'unbuilt');
    await fakeProject(project, yml);
    await rm(path.join(project, 'dist'), { recursive: true });
    const { code, report } = await smoke(project);
    expect(code).toBe(1);
    expect(report.checks[0]?.detail).toContain('run `npm run build` first');
  });
});
