import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../../shared/ipc';
import { sameGatewayServer } from './key-follows-address';
import { openSettingsStore } from './store';
import { settingsInput } from '../testing/settings-input';
import type { SecretVault } from './vault';

/**
 * Settings keep their keys honest: a key and secret belong to the gateway server they were entered
 * for (scheme, host and port). When the address points at another server, from any source, the
 * stored key and secret are dropped and must be entered again; a new path on the same server keeps them.
 */
const vault: SecretVault = {
  encrypt: (plain) => `enc:${Buffer.from(plain).toString('base64')}`,
  decrypt: (cipher) => Buffer.from(cipher.slice(4), 'base64').toString(),
  available: () => ({ ok: true }),
};
const KEY = 'pos-key-0123456789-1f3a';
const SECRET = 'secret-abcdefghijk-9z9z';

const input = (patch: Partial<SettingsInput> = {}): SettingsInput => settingsInput({ groupId: 'store-12', ...patch });

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'checkstand-keys-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('which address changes count as another gateway server', () => {
  it('host, port or scheme: another server; path, trailing slash or letter case of the host: the same', () => {
    expect(sameGatewayServer('wss://gw.example.com/v1', 'wss://gw.example.com/v2')).toBe(true);
    expect(sameGatewayServer('wss://gw.example.com/v1', 'wss://GW.example.com/v1/')).toBe(true);
    expect(sameGatewayServer('wss://gw.example.com/v1', 'wss://gw.example.com:443/v1')).toBe(true);
    expect(sameGatewayServer('wss://gw.example.com/v1', 'wss://other.example.com/v1')).toBe(false);
    expect(sameGatewayServer('ws://127.0.0.1:8080/v1', 'ws://127.0.0.1:8081/v1')).toBe(false);
    expect(sameGatewayServer('ws://localhost:8443/v1', 'wss://localhost:8443/v1')).toBe(false);
    expect(sameGatewayServer('', 'wss://gw.example.com/v1')).toBe(false);
  });
});

describe('the settings form', () => {
  it('a new gateway server clears the stored key and secret: the save asks for the key again', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect((await store.save(input({ apiKey: KEY, apiSecret: SECRET }))).saved).toBe(true);
    const moved = await store.save(input({ endpoint: 'wss://elsewhere.example.net/v1' }));
    expect(moved.saved).toBe(false);
    if (!moved.saved)
      expect(moved.errors).toEqual([
        { field: 'apiKey', message: expect.stringMatching(/address changed.*enter the API key/i), msg: { key: 'services.settings.key_cleared' } },
      ]);
    expect(store.current().endpoint).toBe('wss://gateway.example.com/v1');
    expect(store.current().apiKey).toBe(KEY);
  });

  it('a new key typed with the new address is kept; the secret that was not retyped is cleared', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    await store.save(input({ apiKey: KEY, apiSecret: SECRET }));
    const moved = await store.save(input({ endpoint: 'wss://gateway.example.com:8443/v1', apiKey: 'new-key-for-8443-0000' }));
    expect(moved.saved).toBe(true);
    expect(store.current().apiKey).toBe('new-key-for-8443-0000');
    expect(store.current().apiSecret).toBe('');
  });

  it('a new path on the same server keeps the key and secret', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    await store.save(input({ apiKey: KEY, apiSecret: SECRET }));
    expect((await store.save(input({ endpoint: 'wss://gateway.example.com/v2' }))).saved).toBe(true);
    expect(store.current().apiKey).toBe(KEY);
    expect(store.current().apiSecret).toBe(SECRET);
  });
});

describe('provisioning and the environment', () => {
  it('a key saved in the form is not used with a provisioned address on another server', async () => {
    const saved = await openSettingsStore({ dataDir: dir, vault, env: {} });
    await saved.save(input({ apiKey: KEY, apiSecret: SECRET }));
    const reopened = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_ENDPOINT: 'wss://new-gateway.example.org/v1' } });
    expect(reopened.current().apiKey).toBe('');
    expect(reopened.current().apiSecret).toBe('');
    expect(reopened.problems().join('\n')).toMatch(/address changed.*API key and secret.*entered again/i);
    expect(reopened.gatewayProblems().map((p) => p.field)).toContain('apiKey');
  });

  it('the same provisioned server keeps the saved key', async () => {
    const saved = await openSettingsStore({ dataDir: dir, vault, env: {} });
    await saved.save(input({ apiKey: KEY, apiSecret: SECRET }));
    const reopened = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_ENDPOINT: 'wss://gateway.example.com/v1' } });
    expect(reopened.current().apiKey).toBe(KEY);
  });

  it('a provisioned key is never sent to an address typed in the form for another server', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_API_KEY: KEY } });
    expect((await store.save(input())).saved).toBe(true);
    const moved = await store.save(input({ endpoint: 'wss://elsewhere.example.net/v1' }));
    expect(moved.saved).toBe(false);
    if (!moved.saved)
      expect(moved.errors[0]).toMatchObject({
        field: 'endpoint',
        message: expect.stringMatching(/provisioned by store IT/),
        msg: { key: 'services.settings.key_provisioned_elsewhere', values: { server: 'wss://gateway.example.com' } },
      });
  });
});
