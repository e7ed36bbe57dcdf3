import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsInput } from '../testing/settings-input';
import type { SettingsInput } from '../../../shared/ipc';
import { openSettingsStore } from './store';
import type { SecretVault } from './vault';

/**
 * The till's own settings (till: amounts as typed; till: a valid currency): the currency is a real ISO 4217 code the
 * runtime knows, whoever supplies it (form, provisioning file, environment).
 */
const vault: SecretVault = { available: () => ({ ok: true }), encrypt: (s) => s, decrypt: (s) => s };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-till-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function form(patch: Partial<SettingsInput> = {}): SettingsInput {
  return settingsInput({ endpoint: '', storeName: 'Corner Shop', updatesEnabled: true, ...patch });
}

describe('the currency setting', () => {
  it('refuses a code that is not a currency, from the form, and keeps the old one', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    const result = await store.save(form({ currency: 'XYZ' }));
    expect(result).toEqual({
      saved: false,
      errors: [
        {
          field: 'currency',
          message: '"XYZ" is not a currency code. Use the 3-letter ISO 4217 code, for example EUR, USD or JPY.',
          msg: { key: 'services.settings.currency_unknown', values: { code: 'XYZ' } },
        },
      ],
    });
    expect(store.current().currency).toBe('EUR');
  });

  it('refuses codes customers cannot pay in (special drawing rights, gold)', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    const result = await store.save(form({ currency: 'XDR' }));
    expect(result.saved).toBe(false);
    if (!result.saved) expect(result.errors[0]?.message).toMatch(/XDR.*not a currency customers pay in/);
  });

  it('accepts real codes with 0, 2 and 3 decimals', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    for (const currency of ['JPY', 'USD', 'KWD']) {
      expect((await store.save(form({ currency }))).saved).toBe(true);
      expect(store.current().currency).toBe(currency);
    }
  });

  it('refuses "XYZ" from the environment and from the provisioning file, naming the source', async () => {
    const fromEnv = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_CURRENCY: 'XYZ' } });
    expect(fromEnv.current().currency).toBe('EUR');
    expect(fromEnv.problems().join('\n')).toMatch(/CHECKSTAND_CURRENCY: "XYZ" is not a currency code/);

    await writeFile(join(dir, 'provisioning.json'), JSON.stringify({ currency: 'XYZ' }));
    const fromFile = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(fromFile.current().currency).toBe('EUR');
    expect(fromFile.problems().join('\n')).toMatch(/"XYZ" is not a currency code/);
  });
});

describe('what digits without a decimal separator mean', () => {
  it('is cash-register style unless the store chooses whole units, and the choice is kept', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(store.current().amountEntry).toBe('cash-register');
    expect(store.view().amountEntry).toBe('cash-register');
    expect((await store.save(form({ amountEntry: 'whole-units' }))).saved).toBe(true);
    const reopened = await openSettingsStore({ dataDir: dir, vault, env: {} });
    expect(reopened.view().amountEntry).toBe('whole-units');
    // A form that does not send it keeps it.
    expect((await reopened.save(form())).saved).toBe(true);
    expect(reopened.current().amountEntry).toBe('whole-units');
  });

  it('can be provisioned by store IT (then it is locked), and a bad value is named', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_AMOUNT_ENTRY: 'whole-units' } });
    expect(store.current().amountEntry).toBe('whole-units');
    expect(store.view().lockedFields).toContain('amountEntry');
    const bad = await openSettingsStore({ dataDir: dir, vault, env: { CHECKSTAND_AMOUNT_ENTRY: 'cents' } });
    expect(bad.current().amountEntry).toBe('cash-register');
    expect(bad.problems().join('\n')).toMatch(/CHECKSTAND_AMOUNT_ENTRY: Digits-only amounts are read "cash-register" .* or "whole-units"/);
  });
});
