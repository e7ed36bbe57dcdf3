import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Electronegativity always exits 0, so scripts/electronegativity.mjs reads its findings and decides.
 * These tests run it on two small apps: an insecure window must fail the step with the HIGH
 * finding named; a hardened main process (the shape electron/host/electron must keep) must pass.
 * A preload is always reported (MEDIUM, "review the use of preload scripts"); the reviewed one is
 * marked inline with `// eng-disable PRELOAD_JS_CHECK: <why>`, which the step lists in its output.
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts', 'electronegativity.mjs');

interface Report {
  ok: boolean;
  error?: string;
  findings: { check: string; severity: string; file: string }[];
}

const INSECURE = `
import { BrowserWindow } from 'electron';
export function open(): BrowserWindow {
  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  void w.loadURL('https://example.com');
  return w;
}
`;

const HARDENED = `
import { BrowserWindow, session } from 'electron';
export function open(preload: string): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const w = new BrowserWindow({
    show: false,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK: the preload exposes named functions only (contextBridge)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  w.webContents.on('will-navigate', (event) => event.preventDefault());
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void w.loadFile('index.html');
  return w;
}
`;

const HTML = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'">
<title>Checkstand</title></head><body><div id="root"></div></body></html>`;

async function scan(dir: string): Promise<{ code: number; report: Report }> {
  const reportFile = path.join(dir, '..', `${path.basename(dir)}.json`);
  const code = await run(process.execPath, [script, '--input', dir, '--report', reportFile], { timeout: 90_000 }).then(
    () => 0,
    (err: { code?: number }) => err.code ?? -1,
  );
  return { code, report: JSON.parse(await readFile(reportFile, 'utf8')) as Report };
}

// One scan at a time: each scan is CPU-heavy, and the tests share two cores with the rest of npm test.
describe('electronegativity step', { timeout: 90_000 }, () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'checkstand-eng-test-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('fails on an insecure window and names the HIGH finding', async () => {
    const dir = path.join(work, 'insecure');
    await mkdir(dir);
    await writeFile(path.join(dir, 'main.ts'), INSECURE);
    const { code, report } = await scan(dir);
    // The whole report in the message: if this ever passes a scan that should fail, we see why.
    expect(code, JSON.stringify(report)).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'main.ts' }));
  });

  it('passes a hardened main process with a CSP in the page', async () => {
    const dir = path.join(work, 'hardened');
    await mkdir(dir);
    await writeFile(path.join(dir, 'main.ts'), HARDENED);
    await writeFile(path.join(dir, 'index.html'), HTML);
    const { code, report } = await scan(dir);
    expect(report.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails closed on a file it cannot parse (that file was not checked), naming the file', async () => {
    const dir = path.join(work, 'unparsable');
    await mkdir(dir);
    await writeFile(path.join(dir, 'main.ts'), HARDENED);
    await writeFile(path.join(dir, 'broken.ts'), `${INSECURE}\nconst = ;\n`);
    const { code, report } = await scan(dir);
    expect(code, JSON.stringify(report)).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.error).toContain('broken.ts');
  });
});
