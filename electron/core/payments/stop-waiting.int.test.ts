import { afterEach, describe, expect, it } from 'vitest';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * An honest Cancel (till: an honest Cancel): the gateway has no cancel action, so "Stop waiting" only
 * stops this till waiting. What the confirmation promises must hold: the order is NOT paid, and
 * an approval the terminal reports afterwards turns the payment into "needs review".
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const state = (fx: SimFixture, id: string, wanted: string) => fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === wanted));

describe('stop waiting for a payment', () => {
  it('marks the order not paid, sends nothing to the gateway, and a later approval on the terminal goes to needs review', async () => {
    fx = await startFixture({ tuning: { paymentDeadlineMs: 60_000 } });
    fx.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const id = await payOk(fx.h, 'TERM-001', 'STOP-1');
    await state(fx, id, 'awaiting_result');
    const framesBefore = fx.h.logger.lines.filter((l) => l.event === 'frame.out').length;

    const stopped = await fx.h.core.invoke('stopWaiting', { transactionId: id });
    expect(stopped).toMatchObject({ ok: true, value: { state: 'abandoned', resolution: { by: 'cashier' } } });
    expect(fx.h.logger.lines.filter((l) => l.event === 'frame.out')).toHaveLength(framesBefore);
    // The terminal is free for the next sale on this till.
    expect((await fx.h.snapshot()).terminals.find((t) => t.id === 'TERM-001')?.openPaymentId).toBeUndefined();

    expect(fx.sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
    const late = await state(fx, id, 'needs_review');
    expect(late.detail).toMatch(/APPROVAL after this payment was marked abandoned/);
  });

  it('is refused for a payment that is no longer waiting, saying why', async () => {
    fx = await startFixture();
    const id = await payOk(fx.h, 'TERM-001', 'STOP-2');
    await state(fx, id, 'approved');
    const refused = await fx.h.core.invoke('stopWaiting', { transactionId: id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'This payment is no longer waiting for the terminal (it is approved).',
        msg: { key: 'core.refusal.not_waiting', values: { state: 'approved' } },
      },
    });
    expect((await fx.h.core.invoke('stopWaiting', { transactionId: 'nope' })).ok).toBe(false);
  });
});
