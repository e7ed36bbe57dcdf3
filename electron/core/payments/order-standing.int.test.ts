import { afterEach, describe, expect, it } from 'vitest';
import type { OrderView, PosEvent } from '../../../shared/ipc';
import { pay, payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Money-truth rules 3 and 4, against the real simulator over real sockets: an order's standing is
 * derived in the core from all its attempts and carried to the renderer (snapshot + `order`
 * events); an order already paid today takes another payment only with an explicit Yes; and a
 * sale needs no typed reference.
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const state = (fx: SimFixture, id: string, s: string) => fx.h.waitFor((snap) => snap.payments.find((p) => p.transactionId === id && p.state === s));
const orderIn = (events: PosEvent[], ref: string): OrderView | undefined =>
  events.filter((e): e is Extract<PosEvent, { type: 'order' }> => e.type === 'order' && e.order.orderRef === ref).at(-1)?.order;

describe('the order, not the payment (rule 3)', () => {
  it('a late void on Lane 2 after the re-take on Lane 1 was approved: the order is still paid, once', async () => {
    fx = await startFixture({ sim: { gracePeriodMs: 300 } });
    // Lane 2 loses its terminal mid-payment and stays away past the grace period: not paid.
    fx.sim.control.script('TERM-002', { outcome: 'DROP_MID_PAYMENT', delayMs: 50, resultAfterReconnect: 'SUCCESS' });
    const lane2 = await payOk(fx.h, 'TERM-002', 'RT-1', 2450);
    await state(fx, lane2, 'abandoned');
    expect(orderIn(fx.h.events, 'RT-1')).toMatchObject({ status: 'not_paid', approvals: [] });
    // The cashier takes it again on Lane 1: approved.
    const lane1 = await payOk(fx.h, 'TERM-001', 'RT-1', 2450);
    await state(fx, lane1, 'approved');
    // Lane 2 comes back with its approval; the gateway voids it and the void alert is raised.
    fx.sim.control.reconnectTerminal('TERM-002');
    const snap = await fx.h.waitFor((s) => (s.alerts.length > 0 ? s : undefined));
    expect(snap.alerts[0]).toMatchObject({ transactionId: lane2, orderRef: 'RT-1' });
    expect(fx.sim.control.transaction(lane2)?.status).toBe('VOIDED');
    const expected = {
      orderRef: 'RT-1',
      status: 'paid',
      approvals: [expect.objectContaining({ transactionId: lane1, terminalId: 'TERM-001', amountMinor: 2450 })],
    };
    expect(snap.orders.find((o) => o.orderRef === 'RT-1')).toMatchObject(expected);
    // The renderer hears it before the alert: the last order event before the alert says paid.
    const alertAt = fx.h.events.findIndex((e) => e.type === 'alert');
    expect(orderIn(fx.h.events.slice(0, alertAt), 'RT-1')).toMatchObject(expected);
  });
});

describe('an order is paid once (rule 4)', () => {
  it('a second payment for an order approved today is refused with order_already_paid until confirmed', async () => {
    fx = await startFixture();
    const first = await payOk(fx.h, 'TERM-001', 'A-1001', 2450);
    await state(fx, first, 'approved');
    const refused = await pay(fx.h, 'TERM-002', 'A-1001', 2450);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'order_already_paid', message: expect.stringMatching(/^Order A-1001 was already paid 24\.50 USD at \d\d:\d\d on Lane 1\./) },
    });
    expect(fx.sim.control.transactions()).toHaveLength(1); // nothing reached the gateway
    const again = await fx.h.core.invoke('startPayment', {
      terminalId: 'TERM-002',
      amountMinor: 2450,
      currency: 'USD',
      paymentMethod: 'CARD',
      orderRef: 'A-1001',
      repeatPaymentConfirmed: true,
    });
    expect(again.ok).toBe(true);
    await state(fx, again.ok ? again.value.transactionId : '', 'approved');
    expect(orderIn(fx.h.events, 'A-1001')).toMatchObject({ status: 'paid_more_than_once' });
    // A declined order is not paid: trying again needs no confirmation.
    fx.sim.control.script('TERM-003', { outcome: 'FAILED' });
    await state(fx, await payOk(fx.h, 'TERM-003', 'B-1'), 'declined');
    expect((await pay(fx.h, 'TERM-003', 'B-1')).ok).toBe(true);
  });

  it('no sale needs a typed reference: the core generates R1-0001, R1-0002 … and continues after a restart', async () => {
    fx = await startFixture();
    expect((await fx.h.snapshot()).nextOrderRef).toBe('R1-0001');
    const start = (terminalId: string) => fx!.h.core.invoke('startPayment', { terminalId, amountMinor: 500, currency: 'USD', paymentMethod: 'CARD' });
    const one = await start('TERM-001');
    expect(one).toMatchObject({ ok: true, value: { orderRef: 'R1-0001' } });
    await state(fx, one.ok ? one.value.transactionId : '', 'approved');
    expect((await fx.h.snapshot()).nextOrderRef).toBe('R1-0002');
    expect(await start('TERM-002')).toMatchObject({ ok: true, value: { orderRef: 'R1-0002' } });
    await fx.h.waitFor((s) => s.payments.every((p) => p.state === 'approved'));
    // The metadata the gateway got carries the generated reference.
    const sent = fx.sim.control.log().filter((e) => e.dir === 'in' && e.role === 'desktop' && (e.frame as { action?: string }).action === 'payment');
    expect(sent.map((e) => (e.frame as { paymentRequest: { metadata: { orderId: string } } }).paymentRequest.metadata.orderId)).toEqual(['R1-0001', 'R1-0002']);
    const dataDir = fx.h.dataDir;
    await fx.h.dispose({ keepDir: true });
    const { createHarness } = await import('../testing/harness');
    const h2 = await createHarness({ settings: { endpoint: fx.sim.url, apiKey: fx.sim.apiKeys.pos }, dataDir, start: true });
    try {
      expect((await h2.snapshot()).nextOrderRef).toBe('R1-0003');
    } finally {
      await h2.dispose();
    }
    fx = { ...fx, close: () => fx!.sim.close() };
  });

  it('each register numbers its own orders: the code store IT sets (registerCode) leads the reference', async () => {
    fx = await startFixture({ settings: { registerCode: 'R2' } });
    expect((await fx.h.snapshot()).nextOrderRef).toBe('R2-0001');
    const one = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 500, currency: 'USD', paymentMethod: 'CARD' });
    expect(one).toMatchObject({ ok: true, value: { orderRef: 'R2-0001' } });
    // Renamed to R3: its numbers start afresh and never reuse R2's.
    fx.h.settings.set({ registerCode: 'R3' });
    expect((await fx.h.snapshot()).nextOrderRef).toBe('R3-0001');
  });
});
