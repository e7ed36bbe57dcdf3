import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger, SocketFactory } from '../core/ports';
import { createPosCore } from '../core/pos-core';
import { settingsInput } from '../core/testing/settings-input';
import { startSimulator } from '../../simulator/index';
import type { SimulatorHandle, StartSimulator } from '../../simulator/api';
import { createDevVault } from './web/dev-vault';
import { compose, type Composition } from './compose';

/**
 * Money-truth rule 1: a configured gateway never turns into demo mode. Composed the way both hosts
 * compose the app (real settings store, provisioning, demo mode, core); the demo simulator is
 * watched, and a real simulator stands in for the configured gateway.
 */
let dataDir: string;
let composition: Composition | undefined;
let gatewaySim: SimulatorHandle | undefined;
let demoStarts = 0;
const lines: Record<string, unknown>[] = [];
/** Writes what it is given, unredacted: proves the key is never passed to the log at all. */
const rawLogger: Logger = {
  info: (event, fields) => lines.push({ event, ...fields }),
  warn: (event, fields) => lines.push({ event, ...fields }),
  error: (event, fields) => lines.push({ event, ...fields }),
};
const sockets: { url: string; headers: Record<string, string> }[] = [];
const socketFactory: SocketFactory = (url, options) => {
  sockets.push({ url, headers: options.headers });
  return new WebSocket(url, options);
};
const watchedSimulator: StartSimulator = async (options) => {
  demoStarts += 1;
  return startSimulator({ ...options, defaultDelayMs: 50 });
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'checkstand-gateway-config-'));
  demoStarts = 0;
  lines.length = 0;
  sockets.length = 0;
});
afterEach(async () => {
  await composition?.stop();
  composition = undefined;
  await gatewaySim?.close();
  gatewaySim = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv): Promise<Composition> {
  composition = await compose({
    host: 'browser',
    version: '1.0.0',
    dataDir,
    vault: createDevVault(dataDir),
    logger: rawLogger,
    env,
    createCore: createPosCore,
    startSimulator: watchedSimulator,
    coreDeps: { socketFactory },
  });
  return composition;
}

async function expectBlocked(c: Composition, field: string, source: RegExp, problem: RegExp): Promise<void> {
  expect(demoStarts).toBe(0);
  expect(c.appInfo.demo.enabled).toBe(false);
  const snap = await c.core.invoke('getSnapshot', {});
  if (!snap.ok) throw new Error(snap.error.message);
  expect(snap.value.terminals).toEqual([]);
  expect(snap.value.paused).toHaveLength(1);
  const pause = snap.value.paused![0]!;
  expect(pause).toMatchObject({ kind: 'settings', field });
  expect(pause.source).toMatch(source);
  expect(pause.problem).toMatch(problem);
  const diag = await c.core.invoke('getDiagnostics', {});
  expect(diag.ok && diag.value.paused).toEqual(snap.value.paused);
  const pay = await c.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 2450, currency: 'EUR', paymentMethod: 'CARD', orderRef: 'A-1' });
  expect(pay.ok).toBe(false);
  if (!pay.ok) expect(pay.error).toMatchObject({ code: 'payments_paused', message: pause.message });
  expect(sockets).toEqual([]);
}

describe('an invalid gateway setting blocks payments; it never means demo mode', () => {
  it('from the environment', async () => {
    const c = await start({ CHECKSTAND_ENDPOINT: 'ws://gateway.example.com/v1', CHECKSTAND_API_KEY: 'pos-key-1' });
    await expectBlocked(c, 'endpoint', /environment variable CHECKSTAND_ENDPOINT/, /wss:\/\//);
  });

  it('from the provisioning file', async () => {
    await writeFile(join(dataDir, 'provisioning.json'), JSON.stringify({ endpoint: 'https://gateway.example.com/v1', apiKey: 'pos-key-1' }));
    const c = await start({});
    await expectBlocked(c, 'endpoint', /provisioning file/, /wss:\/\//);
  });

  it('from a provisioning file that cannot be applied at all (a typo in a key)', async () => {
    await writeFile(join(dataDir, 'provisioning.json'), JSON.stringify({ endpont: 'wss://gateway.example.com/v1', apiKey: 'pos-key-1' }));
    const c = await start({});
    await expectBlocked(c, 'provisioning', /provisioning file .*provisioning\.json/, /endpont/);
  });

  it('from the saved settings (a hand-edited settings.json)', async () => {
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, settings: { endpoint: 'gateway.example.com' }, secrets: {} }));
    const c = await start({});
    await expectBlocked(c, 'endpoint', /saved settings/, /gateway address/);
  });

  it('a gateway without an API key', async () => {
    const c = await start({ CHECKSTAND_ENDPOINT: 'wss://gateway.example.com/v1' });
    await expectBlocked(c, 'apiKey', /environment variable CHECKSTAND_ENDPOINT/, /API key/);
  });

  it('with nothing set anywhere it is demo mode, as before', async () => {
    const c = await start({});
    expect(demoStarts).toBe(1);
    expect(c.appInfo.demo.enabled).toBe(true);
    const snap = await c.core.invoke('getSnapshot', {});
    expect(snap.ok && snap.value.paused).toEqual([]);
  });
});

describe("the vendor quick-start's address form wss://host/v1?x-api-key=KEY", () => {
  it('takes the key out of the address, sends it only in the header, and never logs it', async () => {
    gatewaySim = await startSimulator({ defaultDelayMs: 50 });
    const key = gatewaySim.apiKeys.pos;
    const c = await start({ CHECKSTAND_ENDPOINT: `${gatewaySim.url}?x-api-key=${key}` });
    await waitUntil(async () => {
      const s = await c.core.invoke('getSnapshot', {});
      return s.ok && s.value.connection.state === 'open' && s.value.terminals.some((t) => t.payable);
    });
    expect(demoStarts).toBe(0);
    expect(sockets).toEqual([{ url: gatewaySim.url, headers: expect.objectContaining({ 'x-api-key': key }) }]);
    expect(JSON.stringify(lines)).not.toContain(key);
    const snap = await c.core.invoke('getSnapshot', {});
    expect(snap.ok && snap.value.settings.endpoint).toBe(gatewaySim.url);
  });

  it('when an API key is also set, the one in the address is ignored with a warning', async () => {
    gatewaySim = await startSimulator({ defaultDelayMs: 50 });
    const c = await start({ CHECKSTAND_ENDPOINT: `${gatewaySim.url}?x-api-key=some-other-key-123`, CHECKSTAND_API_KEY: gatewaySim.apiKeys.pos });
    await waitUntil(async () => {
      const s = await c.core.invoke('getSnapshot', {});
      return s.ok && s.value.connection.state === 'open';
    });
    expect(sockets[0]).toEqual({ url: gatewaySim.url, headers: expect.objectContaining({ 'x-api-key': gatewaySim.apiKeys.pos }) });
    expect(lines.some((l) => l.event === 'settings.endpoint_key_ignored')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('some-other-key-123');
  });

  it('saved from the settings form: the address is stored without the key, the key as the API key', async () => {
    const c = await start({});
    const saved = await c.settings.save(settingsInput({ endpoint: 'wss://gateway.example.com/v1?x-api-key=form-key-4567' }));
    expect(saved.saved).toBe(true);
    expect(c.settings.current()).toMatchObject({ endpoint: 'wss://gateway.example.com/v1', apiKey: 'form-key-4567' });
    expect(JSON.stringify(lines)).not.toContain('form-key-4567');
  });
});

async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}
