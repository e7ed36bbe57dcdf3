import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, createAppProtocolHandler, installAppProtocol, registerAppScheme } from './app-protocol';

let parent: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'checkstand-app-'));
  await mkdir(join(parent, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(parent, 'renderer', 'index.html'), '<!doctype html><title>Checkstand</title>');
  await writeFile(join(parent, 'renderer', 'assets', 'index-abc.js'), 'export {}');
  await writeFile(join(parent, 'secret.txt'), 'outside the renderer');
  await symlink(join(parent, 'secret.txt'), join(parent, 'renderer', 'assets', 'link.js'));
  handle = createAppProtocolHandler(join(parent, 'renderer'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

/** Electron hands the handler a Request; Node's Request keeps custom-scheme URLs as written. */
const get = (url: string) => handle(new Request(url));

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header and the right type', async () => {
    const page = await get('app://checkstand/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Checkstand</title>');
    expect((await get('app://checkstand/')).status).toBe(200);
    expect((await get('app://checkstand/assets/index-abc.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses path traversal however it is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%2fsecret.txt', '/assets/%00.js']) {
      const res = await get(`app://checkstand${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('outside the renderer');
    }
  });

  it('does not follow a symlink out of the renderer directory', async () => {
    expect((await get('app://checkstand/assets/link.js')).status).toBe(404);
  });

  it('answers only its own host and only reads', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await handle(new Request('app://checkstand/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers a standard, secure scheme without CSP bypass, and installs the handler', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: Record<string, boolean> }[]]];
    expect(schemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const protocolHandle = vi.fn();
    installAppProtocol({ handle: protocolHandle } as never, parent);
    expect(protocolHandle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
