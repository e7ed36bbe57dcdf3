import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHarness } from '../testing/harness';
import { startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Cash is cash (till: cash tender), against the real simulator over real sockets: a cash sale is
 * recorded at the till, never sent to a terminal (the simulator's frame log shows no frame for
 * it), survives a restart in the journal, and a tender short of the amount is refused. Mobile and
 * Other reach the terminal only where the store enabled them.
 */
let fx: SimFixture | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const framesFromTill = (fx: SimFixture) => fx.sim.control.log().filter((e) => e.role === 'desktop' && e.dir === 'in');

describe('a cash sale', () => {
  it('is recorded with the change due, sends no frame to the gateway, and is in the journal after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkstand-cash-'));
    dirs.push(dataDir);
    fx = await startFixture({ dataDir });
    const before = framesFromTill(fx).length;
    const r = await fx.h.core.invoke('recordCashSale', { amountMinor: 2450, currency: 'USD', tenderedMinor: 5000 });
    expect(r).toMatchObject({
      ok: true,
      value: { paymentMethod: 'CASH', state: 'approved', amountMinor: 2450, orderRef: 'R1-0001', cash: { tenderedMinor: 5000, changeMinor: 2550 } },
    });
    const sale = r.ok ? r.value : undefined;
    expect(sale?.transactionId).toMatch(/^cash-/);
    // Nothing at all left the till for it: the next frame the gateway logs is the refresh sent after it.
    await fx.h.core.invoke('refreshTerminals', {});
    await fx.h.waitFor(() => framesFromTill(fx!).length > before);
    expect(
      framesFromTill(fx)
        .slice(before)
        .map((e) => (e.frame as { action?: string }).action),
    ).toEqual(['getTerminals']);
    expect(fx.sim.control.transactions()).toEqual([]);
    const orders = (await fx.h.snapshot()).orders;
    expect(orders.find((o) => o.orderRef === 'R1-0001')).toMatchObject({ status: 'paid' });

    await fx.h.core.stop();
    const again = await createHarness({ settings: { endpoint: fx.sim.url, apiKey: fx.sim.apiKeys.pos }, dataDir });
    try {
      const snap = await again.snapshot();
      expect(snap.payments.find((p) => p.transactionId === sale?.transactionId)).toMatchObject({
        paymentMethod: 'CASH',
        state: 'approved',
        cash: { tenderedMinor: 5000, changeMinor: 2550 },
      });
      expect(snap.nextOrderRef).toBe('R1-0002');
    } finally {
      await again.dispose({ keepDir: true });
    }
  });

  it('refuses a tender short of the amount with the amounts in words, and records nothing', async () => {
    fx = await startFixture();
    const r = await fx.h.core.invoke('recordCashSale', { amountMinor: 2450, currency: 'USD', tenderedMinor: 2000 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        msg: { key: 'services.cash.tendered_short', values: { tendered: '$20.00', due: '$24.50' } },
        message: 'The customer gave $20.00, less than the $24.50 to pay. Nothing was recorded: enter the amount tendered again.',
      },
    });
    expect((await fx.h.snapshot()).payments).toEqual([]);
  });

  it('Cash through startPayment is refused: it never reaches a terminal', async () => {
    fx = await startFixture();
    const r = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 2450, currency: 'USD', paymentMethod: 'CASH', orderRef: 'C-1' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', msg: { key: 'services.cash.not_to_terminal' }, message: expect.stringContaining('Cash is recorded at the till') },
    });
    expect(fx.sim.control.transactions()).toEqual([]);
  });
});

describe('Mobile and Other', () => {
  it('are refused unless the store enabled them; enabled, Mobile is sent as the vendor paymentMethod', async () => {
    fx = await startFixture();
    const off = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 990, currency: 'USD', paymentMethod: 'MOBILE', orderRef: 'M-1' });
    expect(off).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', msg: { key: 'services.cash.mobile_off' }, message: expect.stringContaining('Mobile payments are not enabled') },
    });
    expect(fx.sim.control.transactions()).toEqual([]);
    fx.h.settings.set({ terminalMethods: ['MOBILE'] });
    const on = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 990, currency: 'USD', paymentMethod: 'MOBILE', orderRef: 'M-2' });
    expect(on.ok).toBe(true);
    const sent = await fx.h.waitFor(() => framesFromTill(fx!).find((e) => (e.frame as { action?: string } | undefined)?.action === 'payment'));
    expect(sent.frame).toMatchObject({ paymentRequest: { paymentMethod: 'MOBILE' } });
  });
});
