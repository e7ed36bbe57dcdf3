import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PATH, type CommandHandler, type PosEvent } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { startBridgeServer, type BridgeServer } from './server';

/**
 * The bridge over real sockets on 127.0.0.1. The core is replaced by a small CommandHandler: it is
 * the server's collaborator, not the thing under test; what is tested is the door (token, Origin,
 * validation) and the transport (results, events).
 */
const silent: Logger = { info() {}, warn() {}, error() {} };
const listeners = new Set<(e: PosEvent) => void>();
const invoked: { name: string; request: unknown }[] = [];
const handler: CommandHandler = {
  async invoke(name, request) {
    invoked.push({ name, request });
    if (name === 'reconnectNow') return { ok: true, value: { done: true } } as never;
    if (name === 'refreshTerminals') throw new Error('boom');
    return { ok: false, error: { code: 'not_found', message: `fake has no ${name}` } } as never;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

let server: BridgeServer;
let rendererDir: string;
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'checkstand-renderer-'));
  rendererDir = join(parent, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Checkstand</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(parent, 'outside-secret.txt'), 'nope');
  server = await startBridgeServer({ handler, rendererDir, logger: silent });
});
afterAll(async () => {
  await server.close();
  await rm(parent, { recursive: true, force: true });
});

function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${server.port}${BRIDGE_PATH}?token=${encodeURIComponent(options.token ?? server.token)}`;
  const ws = new WebSocket(url, { origin: options.origin ?? server.origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser host bridge', () => {
  it('prints a loopback URL carrying the per-launch token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a socket with a wrong or missing token', async () => {
    await expect(connect({ token: 'guess' })).rejects.toThrow('refused 401');
    await expect(connect({ token: '' })).rejects.toThrow('refused 401');
  });

  it('refuses a socket from another origin, even with the right token', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused 403');
    await expect(connect({ origin: `http://localhost:${server.port}` })).rejects.toThrow('refused 403');
  });

  it('answers a valid command with its CommandResult', async () => {
    const ws = await connect();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 7, name: 'reconnectNow', request: {} }));
    expect(await reply).toEqual({ type: 'result', id: 7, result: { ok: true, value: { done: true } } });
    ws.close();
  });

  it('answers a bad payload, an unknown command and a throwing handler without reaching further', async () => {
    const ws = await connect();
    const before = invoked.length;
    let reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'startPayment', request: { terminalId: 't1', amountMinor: -5 } }));
    expect(await reply).toMatchObject({ id: 1, result: { ok: false, error: { code: 'invalid_request' } } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 2, name: 'deleteEverything', request: {} }));
    expect(await reply).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_request' } } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 3, hello: true }));
    expect(await reply).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_request' } } });
    expect(invoked.length).toBe(before);
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 4, name: 'refreshTerminals', request: {} }));
    expect(await reply).toMatchObject({ id: 4, result: { ok: false, error: { code: 'internal' } } });
    // Garbage without an id gets no answer but does not break the socket.
    ws.send('not json at all');
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 5, name: 'reconnectNow', request: {} }));
    expect(await reply).toMatchObject({ id: 5, result: { ok: true } });
    ws.close();
  });

  it('forwards core events to connected pages', async () => {
    const ws = await connect();
    const got = nextMessage(ws);
    const event: PosEvent = { type: 'terminalRemoved', seq: 3, terminalId: 't9' };
    for (const l of listeners) l(event);
    expect(await got).toEqual({ type: 'event', event });
    ws.close();
  });

  it('serves the renderer with the CSP and refuses path traversal', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe');
    expect(await page.text()).toContain('<title>Checkstand</title>');
    expect((await fetch(`http://127.0.0.1:${server.port}/assets/app.js`)).status).toBe(200);
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/..%5coutside-secret.txt']) {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('extra HTTP routes', () => {
  it('reach a route only with this launch token', async () => {
    const routed = await startBridgeServer({
      handler,
      rendererDir: '/nonexistent',
      logger: silent,
      routes: [
        (req, res) => {
          if (!req.url?.startsWith('/receipts/')) return false;
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('receipt');
          return true;
        },
      ],
    });
    try {
      const base = `http://127.0.0.1:${routed.port}/receipts/t1.html`;
      expect((await fetch(base)).status).toBe(404);
      expect((await fetch(`${base}?token=wrong`)).status).toBe(404);
      const ok = await fetch(`${base}?token=${routed.token}`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('receipt');
    } finally {
      await routed.close();
    }
  });
});
