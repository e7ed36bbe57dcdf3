#!/usr/bin/env node
/**
 * Packaging smoke test (DESIGN.md "Testing without an Electron binary"): run electron-builder
 * `--dir --publish never` for Linux against a stand-in Electron dist, then check what a store PC
 * would actually receive:
 *   - the asar holds the main bundle, the preload, the renderer and production dependencies only
 *     (no tests, no sources, no source maps, no dev dependencies, nothing else of the project);
 *   - `resources/app-update.yml` is generated for the generic update feed, over HTTPS;
 *   - Windows updates are pinned to our publisher (`win.signtoolOptions.publisherName`, which
 *     electron-builder writes into the NSIS build's app-update.yml; without it electron-updater
 *     accepts an installer signed by anyone, or by no one). A Windows build cannot run here (the
 *     NSIS target needs makensis and a real electron.exe), so this reads the configuration
 *     exactly as electron-builder resolves it;
 *   - the Electron fuses were flipped as electron-builder.yml says.
 *
 * The Electron binary cannot be downloaded here, so the stand-in is a file carrying the fuse
 * sentinel and a fuse wire (the format @electron/fuses reads), which also lets us check the fuses.
 *
 * Usage: node scripts/package-smoke.mjs [--project DIR] [--report FILE] [--keep]
 * Exit code 0 when every check passes, 1 otherwise. Needs `npm run build` to have run.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @electron/fuses' marker; the byte after it is the wire version, then the wire length. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order in the V1 wire (@electron/fuses FuseV1Options). */
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
/** What a store PC must get (the packaged app, its update feed and the Electron fuses set in electron-builder.yml). */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
const FEED_URL = 'https://updates.checkstand.invalid/smoke';
const REQUIRED_FILES = ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html'];
/** Anything in the asar outside these roots is a leak of the project tree. */
const ALLOWED_ROOTS = ['/package.json', '/dist/electron/', '/dist/renderer/', '/node_modules/'];
const FORBIDDEN = [
  { re: /\.map$/, why: 'source map' },
  { re: /(?<!\.d)\.(ts|tsx|mts|cts)$/, why: 'TypeScript source' },
  { re: /\.(test|spec)\.[cm]?[jt]sx?$/, why: 'test file' },
  { re: /\/(test|tests|__tests__)\//, why: 'test folder' },
  { re: /\/node_modules\/[^/]+(\/[^/]+)?\/(test|tests)\.(js|cjs|mjs|html)$/, why: 'dependency test file' },
];

function parseArgs(argv) {
  const args = { project: process.cwd(), report: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--project') args.project = path.resolve(argv[++i]);
    else if (a === '--report') args.report = path.resolve(argv[++i]);
    else if (a === '--keep') args.keep = true;
    else throw new Error(`package-smoke: unknown argument ${a}`);
  }
  return args;
}

/** A stand-in Electron dist: what electron-builder copies for Linux, with a fuse wire to flip. */
export async function makeStandInElectronDist(dir) {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  // Start from the opposite of what we want, so a passing check proves the fuses were flipped.
  const start = FUSE_NAMES.map((name) => (name in EXPECTED_FUSES ? (EXPECTED_FUSES[name] ? '0' : '1') : '0')).join('');
  const binary = Buffer.concat([
    Buffer.from('stand-in electron binary for package-smoke; not executable\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_NAMES.length]),
    Buffer.from(start, 'latin1'),
    Buffer.from('\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), binary);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), '');
  await writeFile(path.join(dir, 'LICENSE'), 'stand-in\n');
}

export function readFuses(binary) {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) return undefined;
  const wire = at + FUSE_SENTINEL.length;
  const length = binary[wire + 1];
  const fuses = {};
  for (let i = 0; i < length && i < FUSE_NAMES.length; i++) {
    const b = binary[wire + 2 + i];
    fuses[FUSE_NAMES[i]] = b === 0x31 ? true : b === 0x30 ? false : `0x${b.toString(16)}`;
  }
  return fuses;
}

/** Same rule as the app's (electron/core/updates/feed-url.ts): HTTPS, or http on this machine. */
function isHttpsOrLoopback(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: -1, output: output + String(err) }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** Package names (not paths: electron-builder may hoist) of production and dev dependencies. */
async function dependencySets(project) {
  const lock = JSON.parse(await readFile(path.join(project, 'package-lock.json'), 'utf8'));
  const prod = new Set();
  const devOnly = new Set();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const i = key.lastIndexOf('node_modules/');
    if (i < 0) continue;
    const name = key.slice(i + 'node_modules/'.length);
    (entry.dev ? devOnly : prod).add(name);
  }
  for (const name of prod) devOnly.delete(name);
  return { prod, devOnly };
}

/** Every package folder in the asar: "/node_modules/@scope/name" → "@scope/name". */
function packagesIn(files) {
  const names = new Set();
  for (const f of files) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f);
    if (m) names.add(m[1]);
  }
  return names;
}

/** `require("x")` calls in the main and preload bundles that nothing on the store PC could answer. */
async function unresolvedRequires(asar, asarPath, shipped) {
  const { builtinModules } = await import('node:module');
  const unresolved = [];
  for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
    const code = asar.extractFile(asarPath, bundle).toString('utf8');
    for (const m of code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const spec = m[1];
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      const ok = spec === 'electron' || spec.startsWith('node:') || builtinModules.includes(spec) || shipped.has(pkg);
      if (!ok) unresolved.push(`${bundle}: require("${spec}")`);
    }
  }
  return unresolved;
}

/** The installed app only takes updates from an HTTPS feed, and on Windows only our signed installers. */
async function checkUpdateTrust(project, appOut, require, check) {
  const updateYml = path.join(appOut, 'resources', 'app-update.yml');
  const yml = existsSync(updateYml) ? await readFile(updateYml, 'utf8') : '';
  check(
    'app-update.yml is generated for the generic feed',
    /provider:\s*generic/.test(yml) && yml.includes(`url: ${FEED_URL}`),
    yml ? yml.trim().replace(/\n/g, '; ') : 'missing',
  );
  const feed = /^url:\s*(.+?)\s*$/m.exec(yml)?.[1] ?? '';
  check('the update feed is HTTPS', isHttpsOrLoopback(feed), feed || 'no url');

  const { getConfig } = require('app-builder-lib/out/util/config/config');
  const win = (await getConfig(project, null, null)).win ?? {};
  const publisher = win.signtoolOptions?.publisherName ?? win.azureSignOptions?.publisherName;
  const pinned = (Array.isArray(publisher) ? publisher : [publisher]).filter((p) => typeof p === 'string' && p.trim() !== '');
  check(
    'Windows updates verify the publisher',
    pinned.length > 0 && win.verifyUpdateCodeSignature !== false,
    pinned.length === 0
      ? 'win.signtoolOptions.publisherName is not set'
      : win.verifyUpdateCodeSignature === false
        ? 'verifyUpdateCodeSignature is false'
        : pinned.join(', '),
  );
}

export async function packageSmoke({ project, keep = false, log = console.log }) {
  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok, detail });
    log(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const work = await mkdtemp(path.join(tmpdir(), 'checkstand-package-'));
  try {
    for (const f of REQUIRED_FILES.slice(1)) {
      if (!existsSync(path.join(project, f))) {
        check('build output exists', false, `${f.slice(1)} is missing: run \`npm run build\` first`);
        return { ok: false, checks };
      }
    }
    const electronDist = path.join(work, 'electron-dist');
    const out = path.join(work, 'out');
    await makeStandInElectronDist(electronDist);
    const require = createRequire(path.join(project, 'package.json'));
    const builderCli = require.resolve('electron-builder/cli.js');
    const started = Date.now();
    const built = await run(
      process.execPath,
      [builderCli, '--linux', 'dir', '--publish', 'never', '--projectDir', project, `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`],
      { cwd: project, env: { ...process.env, CHECKSTAND_UPDATE_URL: FEED_URL, CI: '1' } },
    );
    check(
      'electron-builder --dir --publish never',
      built.code === 0,
      built.code === 0 ? `${((Date.now() - started) / 1000).toFixed(1)} s` : `exit ${built.code}\n${built.output.trim().split('\n').slice(-15).join('\n')}`,
    );
    if (built.code !== 0) return { ok: false, checks };

    const appOut = path.join(out, 'linux-unpacked');
    const asarPath = path.join(appOut, 'resources', 'app.asar');
    check('resources/app.asar exists', existsSync(asarPath));
    if (!existsSync(asarPath)) return { ok: false, checks };

    const asar = require('@electron/asar');
    const entries = asar.listPackage(asarPath, { isPack: false }).map((p) => p.split(path.sep).join('/'));
    const files = entries.filter((p) => {
      try {
        return !('files' in asar.statFile(asarPath, p.slice(1)));
      } catch {
        return false;
      }
    });

    const missing = REQUIRED_FILES.filter((f) => !files.includes(f));
    check('asar holds main bundle, preload, renderer, package.json', missing.length === 0, missing.length ? `missing ${missing.join(', ')}` : '');
    const assets = files.filter((f) => f.startsWith('/dist/renderer/assets/'));
    check('asar holds the renderer assets', assets.length > 0, `${assets.length} files`);

    const manifest = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
    check('packaged package.json main is dist/electron/main.cjs', manifest.main === 'dist/electron/main.cjs', `main = ${manifest.main}`);

    const leaks = files.filter((f) => !ALLOWED_ROOTS.some((root) => (root.endsWith('/') ? f.startsWith(root) : f === root)));
    check('nothing outside dist/electron, dist/renderer, node_modules, package.json', leaks.length === 0, leaks.slice(0, 10).join(', '));

    const bad = [];
    for (const f of files) for (const { re, why } of FORBIDDEN) if (re.test(f)) bad.push(`${f} (${why})`);
    // Our own files first: a leak of the project tree matters more than one more dependency file.
    bad.sort((a, b) => Number(a.startsWith('/node_modules/')) - Number(b.startsWith('/node_modules/')));
    check('no source maps, TypeScript sources or tests', bad.length === 0, bad.length ? `${bad.length} files: ${bad.slice(0, 10).join(', ')}` : '');

    const { prod, devOnly } = await dependencySets(project);
    const shipped = packagesIn(files);
    const runtime = Object.keys(JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')).dependencies ?? {});
    const absent = runtime.filter((d) => !shipped.has(d));
    check('every runtime dependency is shipped', absent.length === 0, absent.length ? `missing ${absent.join(', ')}` : runtime.join(', '));
    const dev = [...shipped].filter((n) => devOnly.has(n) || !prod.has(n));
    check('no dev dependency (or unknown package) is shipped', dev.length === 0, dev.length ? dev.join(', ') : `${shipped.size} production packages`);

    // The bundles may only require Electron, Node built-ins and what is shipped: anything else
    // is a crash on the store PC at start-up ("Cannot find module").
    const unresolved = await unresolvedRequires(asar, asarPath, shipped);
    check('the bundles require only Electron, Node built-ins and shipped packages', unresolved.length === 0, unresolved.join(', '));

    await checkUpdateTrust(project, appOut, require, check);

    const fuses = readFuses(await readFile(path.join(appOut, 'checkstand')));
    const wrong = Object.entries(EXPECTED_FUSES)
      .filter(([k, v]) => fuses?.[k] !== v)
      .map(([k, v]) => `${k}=${fuses?.[k]} (want ${v})`);
    check('Electron fuses flipped as configured', fuses !== undefined && wrong.length === 0, wrong.join(', '));

    return { ok: checks.every((c) => c.ok), checks, asarFiles: files };
  } finally {
    if (keep) log(`  (kept ${work})`);
    else await rm(work, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  console.log(`package-smoke: packaging ${args.project} with a stand-in Electron dist`);
  const result = await packageSmoke({ project: args.project, keep: args.keep });
  if (args.report) {
    await mkdir(path.dirname(args.report), { recursive: true });
    await writeFile(args.report, JSON.stringify({ ok: result.ok, checks: result.checks }, null, 2));
  }
  console.log(`package-smoke: ${result.ok ? 'PASS' : 'FAIL'} (${result.checks.filter((c) => c.ok).length}/${result.checks.length} checks)`);
  process.exit(result.ok ? 0 : 1);
}
