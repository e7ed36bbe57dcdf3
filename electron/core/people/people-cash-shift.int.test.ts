import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../shared/ipc';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Sign-in meets the cash drawer and the Z report (the real core, the real simulator): a cash sale
 * names its cashier and keeps its basket, a second payment of a paid order in cash needs the
 * manager like a card one, and a Z with an unresolved payment needs the manager's PIN.
 */
const STAFF = {
  people: [
    { name: 'Maria Manager', role: 'manager', pin: '2468' },
    { name: 'Carl Cashier', role: 'cashier', pin: '1357' },
  ],
};
const LINE = { id: 'SKU-1', name: 'Widget', unitPriceMinor: 500, quantity: 2 };
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

function unwrap<T>(r: CommandResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function signedInCashier() {
  fx = await startFixture({ deps: { people: STAFF } });
  const snap = unwrap(await fx.h.core.invoke('getSnapshot', {}));
  const carl = snap.people!.people.find((p) => p.name === 'Carl Cashier')!;
  unwrap(await fx.h.core.invoke('signIn', { personId: carl.id, pin: '1357' }));
  return fx.h;
}

describe('sign-in at the cash drawer and the Z report (core)', () => {
  it('a cash sale names the signed-in cashier and keeps its basket lines in the journal', async () => {
    fx = await startFixture({ deps: { people: STAFF } });
    const refused = await fx.h.core.invoke('recordCashSale', { amountMinor: 1000, currency: 'USD', tenderedMinor: 2000 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/sign in/i) } });
    await fx.close();
    const h = await signedInCashier();
    const sale = unwrap(await h.core.invoke('recordCashSale', { amountMinor: 1000, currency: 'USD', tenderedMinor: 2000, lines: [LINE] }));
    expect(sale).toMatchObject({ paymentMethod: 'CASH', state: 'approved', cashier: { name: 'Carl Cashier' }, lines: [LINE] });
    const csv = unwrap(await h.core.invoke('exportCsv', {})).csv;
    expect(csv).toContain('Carl Cashier');
  });

  it('a basket that does not add up to the cash amount is refused and nothing is recorded', async () => {
    const h = await signedInCashier();
    const r = await h.core.invoke('recordCashSale', { amountMinor: 999, currency: 'USD', tenderedMinor: 2000, lines: [LINE] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/add up to 10\.00/) } });
    expect(unwrap(await h.core.invoke('getSnapshot', {})).payments).toEqual([]);
  });

  it("taking cash for an order already paid needs the manager's approval, checked in the core", async () => {
    const h = await signedInCashier();
    unwrap(await h.core.invoke('recordCashSale', { amountMinor: 1000, currency: 'USD', tenderedMinor: 1000, orderRef: 'C-1' }));
    const again = { amountMinor: 1000, currency: 'USD', tenderedMinor: 1000, orderRef: 'C-1', repeatPaymentConfirmed: true };
    expect(await h.core.invoke('recordCashSale', again)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/needs a manager/) },
    });
    const { token } = unwrap(await h.core.invoke('approveManager', { pin: '2468', action: 'repeatPayment', subject: 'C-1' }));
    expect(unwrap(await h.core.invoke('recordCashSale', { ...again, approval: token }))).toMatchObject({ orderRef: 'C-1', state: 'approved' });
  });

  it("a Z with an unresolved payment needs the manager's PIN; the approver is named on the Z", async () => {
    const h = await signedInCashier();
    unwrap(await h.core.invoke('openShift', { floatMinor: 0 }));
    fx!.sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    await h.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-001' && t.payable));
    await payOk(h, 'TERM-001', 'Z-1');
    const close = (extra: Record<string, unknown> = {}) => h.core.invoke('closeShift', { countedCashMinor: 0, ...extra });
    expect(unwrap(await close())).toMatchObject({ closed: false, needs: 'manager_pin' });
    expect(unwrap(await close({ confirmUnresolved: true }))).toMatchObject({ closed: false, needs: 'manager_pin' });
    expect(unwrap(await close({ managerPin: '1357' }))).toMatchObject({ closed: false });
    const done = unwrap(await close({ managerPin: '2468' }));
    expect(done).toMatchObject({
      closed: true,
      report: { unresolvedApproval: { by: 'manager', approver: 'Maria Manager' }, unresolved: [{ orderRef: 'Z-1' }] },
    });
    expect(h.logger.lines.find((l) => l.event === 'audit.manager_approval')).toMatchObject({ action: 'closeShift' });
  });
});
