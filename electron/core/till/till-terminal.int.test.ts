import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../settings/store';
import type { SecretVault } from '../settings/vault';
import { createHarness } from '../testing/harness';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * This till's terminal (till: a sale in five keys): the checkout opens with it chosen, also after
 * a restart. It is the store's setting (form, file, CHECKSTAND_TILL_TERMINAL), else the terminal
 * the last card payment was started on, kept in the core's data dir.
 */
let fx: SimFixture | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'checkstand-till-'));
  dirs.push(dir);
  return dir;
};

describe("this till's terminal", () => {
  it('defaults to the last terminal used and is kept across a restart; the setting wins over it', async () => {
    const dataDir = await tempDir();
    fx = await startFixture({ dataDir });
    expect((await fx.h.snapshot()).tillTerminalId).toBe('');
    const id = await payOk(fx.h, 'TERM-002', 'TT-1');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
    expect((await fx.h.snapshot()).tillTerminalId).toBe('TERM-002');
    await fx.h.core.stop();

    const again = await createHarness({ settings: { endpoint: fx.sim.url, apiKey: fx.sim.apiKeys.pos }, dataDir });
    try {
      expect((await again.snapshot()).tillTerminalId).toBe('TERM-002');
      again.settings.set({ tillTerminal: 'TERM-001' });
      expect((await again.snapshot()).tillTerminalId).toBe('TERM-001');
    } finally {
      await again.dispose({ keepDir: true });
    }
  });
});

const vault: SecretVault = { encrypt: (s) => s, decrypt: (s) => s, available: () => ({ ok: true }) };

describe('the till settings from provisioning', () => {
  it('CHECKSTAND_TILL_TERMINAL and CHECKSTAND_TERMINAL_METHODS set and lock them', async () => {
    const env = { CHECKSTAND_TILL_TERMINAL: ' TERM-003 ', CHECKSTAND_TERMINAL_METHODS: 'other, mobile' };
    const store = await openSettingsStore({ dataDir: await tempDir(), vault, env });
    expect(store.current()).toMatchObject({ tillTerminal: 'TERM-003', terminalMethods: ['MOBILE', 'OTHER'] });
    expect(store.view()).toMatchObject({ tillTerminal: 'TERM-003', terminalMethods: ['MOBILE', 'OTHER'] });
    expect(store.view().lockedFields).toEqual(expect.arrayContaining(['tillTerminal', 'terminalMethods']));
  });

  it('a method that is not MOBILE or OTHER is reported by name and ignored: Card only', async () => {
    const store = await openSettingsStore({ dataDir: await tempDir(), vault, env: { CHECKSTAND_TERMINAL_METHODS: 'MOBILE,CASH' } });
    expect(store.current().terminalMethods).toEqual([]);
    expect(store.problems()).toEqual([expect.stringContaining('CHECKSTAND_TERMINAL_METHODS (1): The terminal methods besides Card are MOBILE and OTHER.')]);
  });

  it('off by default, and saved from the form', async () => {
    const store = await openSettingsStore({ dataDir: await tempDir(), vault, env: {} });
    expect(store.view()).toMatchObject({ tillTerminal: '', terminalMethods: [] });
    const base = store.view();
    const saved = await store.save({
      endpoint: '',
      groupId: '',
      storeName: '',
      storeAddress: '',
      currency: base.currency,
      printer: base.printer,
      autoPrint: false,
      updatesEnabled: true,
      tillTerminal: 'TERM-002',
      terminalMethods: ['MOBILE'],
    });
    expect(saved).toMatchObject({ saved: true, settings: { tillTerminal: 'TERM-002', terminalMethods: ['MOBILE'] } });
  });
});
