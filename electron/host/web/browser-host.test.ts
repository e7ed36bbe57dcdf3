import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PATH, type BridgeMessage, type PosEvent, type SettingsView, type Snapshot } from '../../../shared/ipc';

type SaveResult = { saved: boolean; settings: SettingsView };
import { startSimulator, type SimulatorHandle } from '../../../simulator/index';
import type { BrowserHost } from './host';
import { startBrowserHost } from './start-host';

/**
 * The whole browser host in-process: settings store, demo simulator, the real core, the bridge,
 * talked to over real sockets on 127.0.0.1 the way the renderer does.
 */
let dataDir: string;
let host: BrowserHost | undefined;
let gateway: SimulatorHandle | undefined;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'checkstand-host-'));
  await writeFile(join(dataDir, 'index.html'), '<!doctype html><title>t</title>');
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.terminate());
  await host?.close();
  await gateway?.close();
  host = undefined;
  gateway = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

class Page {
  private nextId = 1;
  readonly events: PosEvent[] = [];
  private waiters = new Map<number, (result: unknown) => void>();
  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as BridgeMessage;
      if (msg.type === 'event') this.events.push(msg.event);
      else this.waiters.get(msg.id)?.(msg.result);
    });
  }
  static async open(h: BrowserHost): Promise<Page> {
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}${BRIDGE_PATH}?token=${h.token}`, { origin: `http://127.0.0.1:${h.port}` });
    sockets.push(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new Page(ws);
  }
  invoke<T = Snapshot>(name: string, request: unknown): Promise<{ ok: boolean; value: T; error?: { code: string } }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiters.set(id, (result) => resolve(result as { ok: boolean; value: T }));
      this.ws.send(JSON.stringify({ type: 'invoke', id, name, request }));
    });
  }
  async until(predicate: (events: PosEvent[]) => boolean): Promise<void> {
    while (!predicate(this.events)) await new Promise((r) => setTimeout(r, 20));
  }
}

describe('browser host (real core, real simulator)', () => {
  it('with no gateway configured runs the demo simulator and shows simulated terminals', async () => {
    host = await startBrowserHost({ dataDir, rendererDir: dataDir, env: {}, simulator: { defaultDelayMs: 20 } });
    const page = await Page.open(host);
    const first = await page.invoke('getSnapshot', {});
    expect(first.ok).toBe(true);
    const snapshot = first.value as Snapshot;
    expect(snapshot.app.host).toBe('browser');
    expect(snapshot.app.demo).toEqual({ enabled: true, controlUrl: `${host.simulator()!.httpUrl}/__sim/` });
    // The form shows no endpoint and no key: the demo is not a configuration.
    expect(snapshot.settings.endpoint).toBe('');
    expect(snapshot.settings.apiKey.set).toBe(false);
    expect(JSON.stringify(snapshot)).not.toContain(host.simulator()!.apiKeys.pos);

    // The core may have connected before the page did: poll the snapshot, as a reload would.
    let later = snapshot;
    while (later.connection.state !== 'open' || later.terminals.length === 0) {
      await new Promise((r) => setTimeout(r, 25));
      later = (await page.invoke('getSnapshot', {})).value as Snapshot;
    }
    expect(later.connection.endpoint).toContain(`:${host.simulator()!.port}`);
    expect(later.terminals.some((t) => t.presence === 'online')).toBe(true);
  });

  it('saving a real endpoint leaves demo mode and connects there; the key never reaches the page or the log', async () => {
    gateway = await startSimulator({ port: 0, defaultDelayMs: 20 });
    // Roles off: this test is about the key's way through the page, not the manager's PIN (people-core.int.test.ts).
    host = await startBrowserHost({ dataDir, rendererDir: dataDir, env: { CHECKSTAND_ROLES: 'off' }, simulator: { defaultDelayMs: 20 } });
    const demoSim = host.simulator()!;
    const page = await Page.open(host);
    const key = gateway.apiKeys.pos;
    const groupId = gateway.apiKeys.all[key]!.groupId;
    const saved = await page.invoke<SaveResult>('saveSettings', {
      endpoint: gateway.url,
      groupId,
      apiKey: key,
      storeName: 'Test store',
      storeAddress: '',
      currency: 'EUR',
      printer: { kind: 'none', systemName: '', host: '', port: 9100, paperWidthMm: 80 },
      autoPrint: false,
      updatesEnabled: false,
    });
    expect(saved.ok).toBe(true);
    expect(saved.value.saved).toBe(true);
    expect(saved.value.settings.apiKey).toEqual({ set: true, hint: `•••• ${key.slice(-4)}` });

    await page.until((events) =>
      events.some((e) => e.type === 'connection' && e.connection.state === 'open' && e.connection.endpoint.includes(`:${gateway!.port}`)),
    );
    expect(host.simulator()).toBeUndefined();
    // The demo simulator's port is closed.
    await expect(fetch(`${demoSim.httpUrl}/__sim/`)).rejects.toThrow();
    const snapshot = (await page.invoke('getSnapshot', {})).value as Snapshot;
    expect(snapshot.app.demo.enabled).toBe(false);
    expect(snapshot.settings.endpoint).toBe(gateway.url);

    expect(JSON.stringify(page.events)).not.toContain(key);
    const logs = await readdir(join(dataDir, 'logs'));
    for (const file of logs) expect(await readFile(join(dataDir, 'logs', file), 'utf8')).not.toContain(key);
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).not.toContain(key);

    // Clearing the endpoint goes back to the demo.
    const { lockedFields: _locked, apiSecret: _secret, ...form } = saved.value.settings;
    const cleared = await page.invoke<SaveResult>('saveSettings', { ...form, endpoint: '', apiKey: '' });
    expect(cleared).toMatchObject({ ok: true, value: { saved: true } });
    await page.until(() => host!.simulator() !== undefined);
    expect(((await page.invoke('getSnapshot', {})).value as Snapshot).app.demo.enabled).toBe(true);
  });

  it('takes the gateway from the environment (store IT) and locks it in the form', async () => {
    gateway = await startSimulator({ port: 0, defaultDelayMs: 20 });
    const key = gateway.apiKeys.pos;
    host = await startBrowserHost({
      dataDir,
      rendererDir: dataDir,
      env: { CHECKSTAND_ENDPOINT: gateway.url, CHECKSTAND_API_KEY: key, CHECKSTAND_GROUP_ID: gateway.apiKeys.all[key]!.groupId },
    });
    expect(host.simulator()).toBeUndefined();
    const page = await Page.open(host);
    const snapshot = (await page.invoke('getSnapshot', {})).value as Snapshot;
    expect(snapshot.app.demo.enabled).toBe(false);
    expect(snapshot.settings.lockedFields.sort()).toEqual(['apiKey', 'endpoint', 'groupId']);
  });
});
