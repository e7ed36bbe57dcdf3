import { afterEach, describe, expect, it } from 'vitest';
import { paymentStates, payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Money-truth rule 5: the gateway's refusal is never lost. The terminal drops the instant Pay is
 * pressed: the "reconnecting" push moves the payment on before the gateway's
 * {"error":"Not Found","message":"Terminal connection not found"} arrives (the real simulator's
 * dropOnNextPayment fault, over real sockets).
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const attributions = (fx: SimFixture) => fx.h.logger.lines.filter((l) => l.event === 'frame.error_attributed');

describe('a refusal that races a terminal drop', () => {
  it('is pinned on the payment it answers: rejected, not charged, not left waiting for the terminal', async () => {
    fx = await startFixture({ tuning: { errorWindowMs: 1_500 } });
    fx.sim.control.faults.dropOnNextPayment('TERM-001');
    const id = await payOk(fx.h, 'TERM-001', 'RACE-1');
    await fx.h.waitFor(() => attributions(fx!).length > 0);
    expect(attributions(fx)).toEqual([expect.objectContaining({ to: 'payment', transactionId: id, message: 'Terminal connection not found' })]);
    const p = (await fx.h.snapshot()).payments.find((x) => x.transactionId === id)!;
    expect(p).toMatchObject({ state: 'rejected', detail: expect.stringMatching(/not connected to the gateway\. The customer was not charged/) });
    // It did pass through "terminal reconnecting" first: the refusal really came after the push.
    expect(paymentStates(fx.h, id)).toEqual(['sent', 'terminal_reconnecting', 'rejected']);
    expect(fx.sim.control.transaction(id)).toBeUndefined();
    // The terminal is back a moment later and takes the next payment.
    await fx.h.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-001' && t.payable));
    const again = await payOk(fx.h, 'TERM-001', 'RACE-1');
    await fx.h.waitFor((s) => s.payments.find((x) => x.transactionId === again && x.state === 'approved'));
  });
});
