import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../settings/store';
import type { SecretVault } from '../settings/vault';

const vault: SecretVault = { available: () => ({ ok: true }), encrypt: (s) => s, decrypt: (s) => s };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-catalog-setting-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the catalogue setting', () => {
  it('is empty (no catalogue) by default', async () => {
    expect((await openSettingsStore({ dataDir: dir, vault, env: {} })).view().catalogPath).toBe('');
  });

  it('comes from CHECKSTAND_CATALOG or the provisioning key catalogPath, shown locked; a wrong kind of file is named', async () => {
    const fromEnv = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_CATALOG: '/srv/store/catalog.csv' } });
    expect(fromEnv.current().catalogPath).toBe('/srv/store/catalog.csv');
    expect(fromEnv.view().lockedFields).toContain('catalogPath');
    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ catalogPath: 'D:\\catalogue\\items.json' }));
    expect((await openSettingsStore({ dataDir: dir, vault, env: {} })).current().catalogPath).toBe('D:\\catalogue\\items.json');
    const wrong = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_CATALOG: '/srv/store/catalog.xlsx' } });
    expect(wrong.problems().join('\n')).toMatch(/CHECKSTAND_CATALOG: The catalogue must be a \.csv or \.json file/);
  });

  it('can be saved from the form and is kept when the form leaves it out', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    const { lockedFields: _locked, apiKey: _key, apiSecret: _secret, ...form } = store.view();
    expect(await store.save({ ...form, catalogPath: '/tmp/catalog.csv' })).toMatchObject({ saved: true });
    const { catalogPath: _omitted, ...withoutPath } = form;
    expect(await store.save(withoutPath)).toMatchObject({ saved: true, settings: { catalogPath: '/tmp/catalog.csv' } });
    const reopened = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(reopened.current().catalogPath).toBe('/tmp/catalog.csv');
  });
});
