import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SettingsInput } from '../../shared/ipc';
import { createPosCore } from '../core/pos-core';
import { startSimulator } from '../../simulator/index';
import type { SimulatorHandle } from '../../simulator/api';
import { createDevVault } from './web/dev-vault';
import { compose, type Composition } from './compose';
import { settingsInput } from '../core/testing/settings-input';

/**
 * Settings keep their keys honest, over real sockets: after the gateway address is changed to
 * another port, the listener there never receives the key or group id saved for the old gateway
 * (seen before the fix: it received `x-api-key` and `x-group-id` on the upgrade request).
 */
let dataDir: string;
let composition: Composition | undefined;
let gateway: SimulatorHandle | undefined;
let listener: WebSocketServer | undefined;
const upgrades: IncomingHttpHeaders[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'checkstand-key-address-'));
  upgrades.length = 0;
});
afterEach(async () => {
  await composition?.stop();
  await gateway?.close();
  await new Promise((r) => (listener ? listener.close(r) : r(undefined)));
  composition = undefined;
  gateway = undefined;
  listener = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const form = (endpoint: string, patch: Partial<SettingsInput> = {}): SettingsInput => settingsInput({ endpoint, ...patch });

it('a listener on another port never receives the old gateway key or group id after the address changes', async () => {
  gateway = await startSimulator({ port: 0, defaultDelayMs: 50 });
  listener = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  listener.on('connection', (_socket, request) => upgrades.push(request.headers));
  await new Promise((r) => listener!.once('listening', r));
  const otherPort = `ws://127.0.0.1:${(listener.address() as AddressInfo).port}/v1`;
  const group = gateway.apiKeys.all[gateway.apiKeys.pos]?.groupId ?? 'group-1';
  composition = await compose({
    host: 'browser',
    version: '1.0.0',
    dataDir,
    vault: createDevVault(dataDir),
    env: {},
    createCore: createPosCore,
    startSimulator: () => Promise.reject(new Error('no demo here')),
  });
  const c = composition;
  const first = await c.settings.save(form(gateway.url, { apiKey: gateway.apiKeys.pos, apiSecret: gateway.apiKeys.posSecret, groupId: group }));
  expect(first.saved).toBe(true);

  const moved = await c.settings.save(form(otherPort, { groupId: group }));
  expect(moved).toMatchObject({ saved: false, errors: [{ field: 'apiKey' }] });

  // Only with a key typed for the new address does the till connect there (the event this test waits for).
  expect((await c.settings.save(form(otherPort, { apiKey: 'key-typed-for-the-other-port' }))).saved).toBe(true);
  await waitUntil(() => upgrades.length > 0);
  expect(upgrades.map((h) => h['x-api-key'])).not.toContain(gateway.apiKeys.pos);
  expect(upgrades.map((h) => h['x-group-id'])).not.toContain(group);
  expect(upgrades[0]!['x-api-key']).toBe('key-typed-for-the-other-port');
});

async function waitUntil(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (probe()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}
