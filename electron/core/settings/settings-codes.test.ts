import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../../shared/ipc';
import { translatorFor } from '../i18n/core-translator';
import { tillLocale } from '../i18n/till-locale';
import { settingsInput } from '../testing/settings-input';
import { settingsPauses } from '../payment-pauses';
import { PlainSettings, fieldErrors } from './schema';
import { openSettingsStore } from './store';
import type { SecretVault } from './vault';

/** Secrets kept as they are: these tests are about messages, not the keychain. */
const plainVault: SecretVault = { encrypt: (s) => `v:${s}`, decrypt: (s) => s.slice(2), available: () => ({ ok: true }) };

/** The form with no gateway (demo): these tests are about messages, not the link. */
function formInput(patch: Partial<SettingsInput>): SettingsInput {
  return settingsInput({ endpoint: '', ...patch });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-settings-codes-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings messages are codes (issue 16)', () => {
  it('a field error carries its code with the limits as values, English beside it, and reads in German', () => {
    const parsed = PlainSettings.shape.printer.safeParse({ kind: 'network', systemName: '', host: '192.168.1.5', port: 70000, paperWidthMm: 80 });
    if (parsed.success) throw new Error('accepted port 70000');
    const [error] = fieldErrors(parsed.error);
    expect(error).toMatchObject({ msg: { key: 'services.settings.printer_port_range', values: { max: 65535 } } });
    expect(error!.message).toBe('The printer port must be between 1 and 65535.');
    expect(translatorFor('de-DE').say(error!.msg)).toMatch(/Druckerport.*zwischen 1 und 65535/);
  });

  it('saveSettings answers field errors with codes (an unknown currency names the code)', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: plainVault, env: {} });
    const result = await store.save(formInput({ currency: 'XYZ' }));
    expect(result).toMatchObject({
      saved: false,
      errors: [{ field: 'currency', msg: { key: 'services.settings.currency_unknown', values: { code: 'XYZ' } } }],
    });
    if (result.saved) throw new Error('saved XYZ');
    expect(translatorFor('ja-JP').say(result.errors[0]!.msg)).toContain('XYZ');
  });

  it('a bad CHECKSTAND_LOCALE is a settings problem: a clear error, nothing lost, the till starts in the OS locale', async () => {
    const first = await openSettingsStore({ dataDir: dir, vault: plainVault, env: {} });
    expect(await first.save(formInput({ storeName: 'Eckladen' }))).toMatchObject({ saved: true });
    const store = await openSettingsStore({ dataDir: dir, vault: plainVault, env: { CHECKSTAND_LOCALE: 'xx_YY!' } });
    expect(store.problems()).toEqual([expect.stringMatching(/^CHECKSTAND_LOCALE: "xx_YY!" is not a locale\. Use a language and region, for example de-DE/)]);
    expect(store.current()).toMatchObject({ storeName: 'Eckladen', locale: '' });
    expect(store.view().lockedFields).not.toContain('locale');
    expect(tillLocale(() => store.current(), 'de-DE')()).toBe('de-DE');
  });

  it('an invalid gateway setting pauses payments with the problem, its source and the sentence as codes', async () => {
    const store = await openSettingsStore({ dataDir: dir, vault: plainVault, env: { CHECKSTAND_ENDPOINT: 'http://gateway.example.com' } });
    const [pause] = settingsPauses(store.gatewayProblems());
    expect(pause).toMatchObject({
      kind: 'settings',
      field: 'endpoint',
      problemMsg: { key: 'services.settings.endpoint_wss' },
      sourceMsg: { key: 'services.settings.source_env', values: { name: 'CHECKSTAND_ENDPOINT' } },
      messageMsg: { key: 'services.settings.pause_endpoint_env', values: { field: 'endpoint', name: 'CHECKSTAND_ENDPOINT' } },
    });
    expect(pause!.message).toBe(
      'Payments are blocked: the gateway address set in environment variable CHECKSTAND_ENDPOINT is not valid. The gateway address must start with wss://.',
    );
    expect(translatorFor('ar-KW').say(pause!.messageMsg)).toContain('CHECKSTAND_ENDPOINT');
  });
});
