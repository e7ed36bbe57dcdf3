import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsInput } from '../testing/settings-input';
import { openSettingsStore } from './store';
import type { SecretVault } from './vault';

/**
 * Kiosk (full screen, no window controls) and start-at-login are for dedicated tills, set up by
 * store IT through the provisioning file or the environment; both are off unless asked for.
 */
const vault: SecretVault = { available: () => ({ ok: true }), encrypt: (s) => s, decrypt: (s) => s };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-shell-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('kiosk and start-at-login settings', () => {
  it('are off by default', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(store.current()).toMatchObject({ kiosk: false, startAtLogin: false });
    expect(store.view()).toMatchObject({ kiosk: false, startAtLogin: false });
  });

  it('come from the provisioning file and are shown locked', async () => {
    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ kiosk: true, startAtLogin: true }));
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(store.problems()).toEqual([]);
    expect(store.current()).toMatchObject({ kiosk: true, startAtLogin: true });
    expect(store.view().lockedFields).toEqual(expect.arrayContaining(['kiosk', 'startAtLogin']));
  });

  it('come from CHECKSTAND_KIOSK and CHECKSTAND_START_AT_LOGIN, and a bad value is named', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_KIOSK: 'yes', CHECKSTAND_START_AT_LOGIN: 'sometimes' } });
    expect(store.current()).toMatchObject({ kiosk: true, startAtLogin: false });
    expect(store.problems().join('\n')).toMatch(/CHECKSTAND_START_AT_LOGIN: .*on or off/);
  });

  it('survive a save from the form, which does not send them', async () => {
    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ kiosk: true }));
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    const saved = await store.save(settingsInput({ endpoint: '', storeName: 'Corner Shop', updatesEnabled: true }));
    expect(saved.saved).toBe(true);
    expect(store.current()).toMatchObject({ kiosk: true, startAtLogin: false, storeName: 'Corner Shop' });
  });
});

describe('register code (the prefix of generated order references)', () => {
  it('is R1 unless store IT sets one per till: provisioning file or CHECKSTAND_REGISTER_CODE; a bad one is named', async () => {
    expect((await openSettingsStore({ dataDir: dir, vault, env: {} })).current().registerCode).toBe('R1');
    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ registerCode: 'R4' }));
    const fromFile = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(fromFile.current().registerCode).toBe('R4');
    expect(fromFile.view().lockedFields).toContain('registerCode');
    const fromEnv = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_REGISTER_CODE: 'TILL 2' } });
    expect(fromEnv.current().registerCode).toBe('R4');
    expect(fromEnv.problems().join('\n')).toMatch(/CHECKSTAND_REGISTER_CODE: .*1 to 8 letters or digits/);
  });
});
