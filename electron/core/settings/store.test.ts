import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../../shared/ipc';
import { openSettingsStore } from './store';
import type { SecretVault } from './vault';

/** A reversible stand-in for the OS keychain, so the test can see what reached the disk. */
function fakeVault(available: { ok: true } | { ok: false; message: string } = { ok: true }): SecretVault {
  return {
    encrypt: (plain) => `enc:${Buffer.from(plain).toString('base64').split('').reverse().join('')}`,
    decrypt: (cipher) => {
      if (!cipher.startsWith('enc:')) throw new Error('bad cipher');
      return Buffer.from(cipher.slice(4).split('').reverse().join(''), 'base64').toString();
    },
    available: () => available,
  };
}

const KEY = 'pos-key-0123456789-1f3a';
const SECRET = 'secret-abcdefghijk-9z9z';

function input(patch: Partial<SettingsInput> = {}): SettingsInput {
  return {
    endpoint: 'wss://gateway.example.com/v1',
    groupId: 'store-12',
    apiKey: KEY,
    apiSecret: SECRET,
    storeName: 'Corner Shop',
    storeAddress: '1 High Street',
    currency: 'EUR',
    printer: { kind: 'network', systemName: '', host: '192.168.1.50', port: 9100, paperWidthMm: 80 },
    autoPrint: true,
    updatesEnabled: true,
    ...patch,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts with no gateway configured (demo mode) and sensible defaults', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    expect(store.current().endpoint).toBe('');
    expect(store.view().apiKey).toEqual({ set: false });
    expect(store.view().lockedFields).toEqual([]);
  });

  it('saves, survives a restart, and never writes or shows the key in clear', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    const changes: string[] = [];
    store.onChange((s) => changes.push(s.endpoint));
    const result = await store.save(input());
    expect(result.saved).toBe(true);
    expect(changes).toEqual(['wss://gateway.example.com/v1']);
    if (result.saved) {
      expect(result.settings.apiKey).toEqual({ set: true, hint: '•••• 1f3a' });
      expect(JSON.stringify(result.settings)).not.toContain(KEY);
      expect(JSON.stringify(result.settings)).not.toContain(SECRET);
    }
    const onDisk = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain(KEY);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).toContain('Corner Shop');
    // No temp files left behind by the atomic write.
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);

    const reopened = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    expect(reopened.current().apiKey).toBe(KEY);
    expect(reopened.current().apiSecret).toBe(SECRET);
    expect(reopened.current().printer.host).toBe('192.168.1.50');
  });

  it('keeps the stored key when the form omits it, removes it when sent empty', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    await store.save(input());
    await store.save(input({ apiKey: undefined, apiSecret: undefined, storeName: 'Renamed' }));
    expect(store.current().apiKey).toBe(KEY);
    expect(store.current().storeName).toBe('Renamed');
    await store.save(input({ apiSecret: '' }));
    expect(store.view().apiSecret).toEqual({ set: false });
  });

  it('refuses bad values with plain messages per field and changes nothing', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    const result = await store.save(
      input({
        endpoint: 'ws://gateway.example.com/v1',
        currency: 'eur',
        printer: { kind: 'network', systemName: '', host: '10.0.0.9', port: 70000, paperWidthMm: 80 },
      }),
    );
    expect(result.saved).toBe(false);
    if (!result.saved) {
      const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
      expect(byField.endpoint).toMatch(/wss:\/\//);
      expect(byField.currency).toMatch(/three capital letters/);
      expect(byField['printer.port']).toMatch(/1 and 65535/);
    }
    expect(store.current().endpoint).toBe('');
    await expect(readFile(join(dir, 'settings.json'), 'utf8')).rejects.toThrow();
  });

  it('allows ws:// only on this machine', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    expect((await store.save(input({ endpoint: 'ws://127.0.0.1:8080/v1' }))).saved).toBe(true);
    expect((await store.save(input({ endpoint: 'ws://10.1.1.1:8080/v1' }))).saved).toBe(false);
  });

  it('asks for the API key when a gateway is configured without one', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    const result = await store.save(input({ apiKey: '' }));
    expect(result).toMatchObject({ saved: false, errors: [{ field: 'apiKey' }] });
  });

  it('refuses to store a key when the vault is not safe, saying what to install', async () => {
    const message = 'No OS keychain: install gnome-keyring or kwallet.';
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault({ ok: false, message }), env: {} });
    const result = await store.save(input());
    expect(result).toEqual({
      saved: false,
      errors: [
        { field: 'apiKey', message },
        { field: 'apiSecret', message },
      ],
    });
  });

  it('keeps a damaged settings file aside instead of overwriting it', async () => {
    await writeFile(join(dir, 'settings.json'), '{ not json');
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    expect(store.problems()[0]).toMatch(/damaged/);
    expect((await readdir(dir)).some((f) => f.startsWith('settings.json.broken-'))).toBe(true);
  });
});

describe('provisioning', () => {
  it('environment beats file beats saved settings, and provisioned fields are locked', async () => {
    const saved = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: {} });
    await saved.save(input({ storeName: 'From the form', currency: 'GBP' }));
    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ storeName: 'From the file', currency: 'USD', printer: { kind: 'pdf' } }));
    const store = await openSettingsStore({
      dataDir: dir,
      vault: fakeVault(),
      env: { CHECKSTAND_CURRENCY: 'CHF', CHECKSTAND_API_KEY: 'provisioned-key-0000-abcd', CHECKSTAND_AUTO_PRINT: 'off' },
    });
    const s = store.current();
    expect(s.storeName).toBe('From the file');
    expect(s.currency).toBe('CHF');
    expect(s.apiKey).toBe('provisioned-key-0000-abcd');
    expect(s.autoPrint).toBe(false);
    expect(s.printer.kind).toBe('pdf');
    expect(s.printer.host).toBe('192.168.1.50');
    expect(store.view().lockedFields.sort()).toEqual(['apiKey', 'autoPrint', 'currency', 'printer', 'storeName']);
    expect(store.view().apiKey.hint).toBe('•••• abcd');

    // The form may send locked values back unchanged, but not change them.
    const reordered = {
      paperWidthMm: s.printer.paperWidthMm,
      port: s.printer.port,
      host: s.printer.host,
      systemName: s.printer.systemName,
      kind: s.printer.kind,
    };
    const unchanged = await store.save({
      ...input({ apiKey: undefined, apiSecret: undefined }),
      storeName: 'From the file',
      currency: 'CHF',
      autoPrint: false,
      printer: reordered,
    });
    expect(unchanged.saved).toBe(true);
    const changed = await store.save({ ...input({ apiSecret: undefined }), currency: 'EUR', storeName: 'From the file', autoPrint: false, printer: s.printer });
    expect(changed.saved).toBe(false);
    if (!changed.saved) {
      expect(changed.errors.map((e) => e.field).sort()).toEqual(['apiKey', 'currency']);
      expect(changed.errors[0]?.message).toMatch(/provisioned by store IT/);
      expect(changed.errors[0]?.msg).toEqual({ key: 'services.settings.locked_env', values: { name: 'CHECKSTAND_API_KEY' } });
    }
  });

  it('reports a bad provisioned value by name, ignores it, and never echoes a secret', async () => {
    await writeFile(join(dir, 'cfg.json'), JSON.stringify({ currency: 'euro', endpont: 'typo', apiKey: 'has space in-it' }));
    const store = await openSettingsStore({
      dataDir: dir,
      vault: fakeVault(),
      env: { CHECKSTAND_CONFIG: join(dir, 'cfg.json'), CHECKSTAND_PRINTER_PORT: '99999' },
    });
    const problems = store.problems().join('\n');
    expect(problems).toMatch(/unknown setting endpont/);
    expect(problems).toMatch(/CHECKSTAND_PRINTER_PORT/);
    expect(problems).not.toContain('has space');
    // The unknown key makes the file's shape invalid: nothing from it is applied.
    expect(store.current().currency).toBe('EUR');
    expect(store.view().lockedFields).toEqual([]);
  });

  it('reports a named provisioning file that does not exist', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: fakeVault(), env: { CHECKSTAND_CONFIG: join(dir, 'missing.json') } });
    expect(store.problems()[0]).toMatch(/missing\.json could not be read/);
  });
});
