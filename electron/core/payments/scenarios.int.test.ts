import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UUIDV7_PATTERN } from '../../../shared/ids';
import { CHECK_TERMINAL } from '../recovery/recovery';
import { FakeClock } from '../testing/fake-clock';
import { pay, payOk, paymentStates, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Every scenario A–M of docs/protocol.md §9.3, against the real simulator over real sockets.
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const settled = (fx: SimFixture, id: string, state: string) => fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === state));

describe('§9.3 scenarios against the simulator', () => {
  it('A: approval — amount as a decimal string on the wire, fresh UUIDv7, journalled, receipt kept', async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'SUCCESS', receiptData: 'RECEIPT TEXT' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-A', 9999);
    expect(id).toMatch(UUIDV7_PATTERN);
    const p = await settled(fx, id, 'approved');
    expect(p.authorizationCode).toBeTruthy();
    expect(p.hasReceipt).toBe(true);
    expect(fx.h.core.paymentDetails(id)?.response?.receiptData).toBe('RECEIPT TEXT');
    const tx = fx.sim.control.transaction(id)!;
    expect(tx).toMatchObject({ amount: '99.99', currency: 'USD', terminalId: 'TERM-001', status: 'COMPLETED' });
    // The gateway stores String(amount), so the transaction cannot tell "99.99" from 99.99: the
    // frame's text as the simulator received it can (§5.2: amount is a decimal string).
    const received = fx.sim.control
      .log()
      .find((e) => e.dir === 'in' && e.role === 'desktop' && (e.frame as { paymentRequest?: { transactionId?: string } }).paymentRequest?.transactionId === id);
    expect(JSON.parse(received!.text!).paymentRequest).toMatchObject({ amount: '99.99', currency: 'USD' });
    // The journal holds the payment from "sent" to "approved". That "sent" is on disk BEFORE the
    // frame leaves cannot be seen from here (the line reads "sent" whatever the order): the
    // journal's own tests check it with a socket that reads the journal when send is called.
    const journalDir = path.join(fx.h.dataDir, 'journal');
    const lines = fs.readdirSync(journalDir).flatMap((f) => fs.readFileSync(path.join(journalDir, f), 'utf8').trim().split('\n'));
    const mine = lines.map((l) => JSON.parse(l)).filter((r) => r.payment?.transactionId === id);
    expect(mine[0].payment.state).toBe('sent');
    expect(mine.at(-1).payment.state).toBe('approved');
  });

  it("B: decline shows the gateway's message; the order may be paid again with a NEW id", async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Card declined due to insufficient funds' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-B');
    const p = await settled(fx, id, 'declined');
    expect(p).toMatchObject({ errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Card declined due to insufficient funds' });
    const again = await payOk(fx.h, 'TERM-001', 'ORDER-B');
    expect(again).not.toBe(id);
  });

  it('C: cancelled on the terminal', async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-002', { outcome: 'CANCELLED' });
    const id = await payOk(fx.h, 'TERM-002', 'ORDER-C');
    await settled(fx, id, 'cancelled');
  });

  it('D: terminal drops mid-payment and returns within the grace period', async () => {
    fx = await startFixture({ sim: { gracePeriodMs: 2_000 } });
    fx.sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 100, reconnectAfterMs: 300, resultAfterReconnect: 'SUCCESS' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-D');
    await settled(fx, id, 'approved');
    expect(paymentStates(fx.h, id)).toContain('terminal_reconnecting');
  });

  it('E: terminal stays away past the grace period → abandoned, then the void raises ONE alert that persists until acknowledged', async () => {
    fx = await startFixture({ sim: { gracePeriodMs: 300 } });
    fx.sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 100, reconnectAfterMs: 1_000, resultAfterReconnect: 'SUCCESS' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-E');
    await settled(fx, id, 'voided');
    const states = paymentStates(fx.h, id);
    expect(states).toContain('abandoned');
    const snap = await fx.h.snapshot();
    expect(snap.alerts).toHaveLength(1);
    expect(snap.alerts[0]).toMatchObject({ transactionId: id, orderRef: 'ORDER-E', amountMinor: 1234 });
    expect(fx.h.core.hasOpenAlerts()).toBe(true);
    const ack = await fx.h.core.invoke('acknowledgeAlert', { alertId: snap.alerts[0]!.id });
    expect(ack.ok).toBe(true);
    expect((await fx.h.snapshot()).alerts).toEqual([]);
    expect(fx.h.events.filter((e) => e.type === 'alert' && !e.alert.acknowledgedAt)).toHaveLength(1);
  });

  it('F: a terminal without deviceId drops mid-payment → abandoned at once', async () => {
    fx = await startFixture();
    const plain = (await fx.h.snapshot()).terminals.find((t) => !t.deviceId)!;
    fx.sim.control.script(plain.id, { outcome: 'DROP_MID_PAYMENT', delayMs: 100 });
    const id = await payOk(fx.h, plain.id, 'ORDER-F');
    const p = await settled(fx, id, 'abandoned');
    expect(p.detail).toMatch(/this attempt did not charge the customer/);
    await fx.h.waitFor((s) => !s.terminals.some((t) => t.id === plain.id));
  });

  it('G: the POS link drops mid-payment → unknown, then the replayed result settles it', async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-G');
    await settled(fx, id, 'awaiting_result');
    fx.sim.control.faults.dropPosConnections({ silent: false });
    await settled(fx, id, 'unknown');
    expect(fx.sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
    const p = await settled(fx, id, 'approved');
    expect(p.resolution?.by).toBe('push');
  });

  it('H: the terminal never answers → unknown at the local deadline; without a secret the cashier settles it with a reason (audited)', async () => {
    fx = await startFixture({ tuning: { paymentDeadlineMs: 800 } });
    fx.sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-H');
    await settled(fx, id, 'unknown');
    expect((await pay(fx.h, 'TERM-001', 'ORDER-H2')).ok).toBe(false); // still blocks the terminal
    const check = await fx.h.core.invoke('checkPaymentNow', { transactionId: id });
    expect(check.ok && check.value.detail).toBe(CHECK_TERMINAL);
    const noReason = await fx.h.core.invoke('resolvePayment', { transactionId: id, outcome: 'declined', reason: '' });
    expect(noReason.ok).toBe(false);
    const r = await fx.h.core.invoke('resolvePayment', { transactionId: id, outcome: 'declined', reason: 'Terminal shows DECLINED' });
    expect(r.ok && r.value).toMatchObject({ state: 'declined', resolution: { by: 'cashier', reason: 'Terminal shows DECLINED' } });
    expect(fx.h.logger.lines.some((l) => l.event === 'audit.payment_state' && l.reason === 'Terminal shows DECLINED')).toBe(true);
  });

  it('I: PENDING is not final', async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'PENDING_THEN_SUCCESS', delayMs: 200 });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-I');
    const p = await settled(fx, id, 'approved');
    expect(p.pendingSeen).toBe(true);
  });

  it('J: duplicate and reordered pushes are no-ops', async () => {
    fx = await startFixture();
    // Armed for the result push alone, so a terminal push cannot take the duplicate instead.
    fx.sim.control.faults.duplicateNext('paymentComplete');
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-J');
    await settled(fx, id, 'approved');
    // Wait until the core has READ both copies (no sleep), then count what the cashier saw.
    const inbound = (action: string, match: (frame: Record<string, unknown>) => boolean) =>
      fx!.h.logger.lines.filter(
        (l) => l.event === 'frame.in' && (l.frame as { action?: string }).action === action && match(l.frame as Record<string, unknown>),
      ).length;
    await fx.h.waitFor(() => inbound('paymentComplete', (f) => (f.paymentResponse as { transactionId?: string }).transactionId === id) === 2);
    const approvals = fx.h.events.filter((e) => e.type === 'payment' && e.payment.transactionId === id && e.payment.state === 'approved');
    expect(approvals).toHaveLength(1);
    // Reordered: "connected" arrives before the older "reconnecting"; the newer fact stays.
    fx.sim.control.faults.reorderNext();
    fx.sim.control.dropTerminal('TERM-002', { reconnectAfterMs: 50 });
    const forTerm2 = (f: Record<string, unknown>) => f.terminalId === 'TERM-002' || f.deviceId === 'TERM-002';
    await fx.h.waitFor(() => inbound('terminalStatusUpdate', forTerm2) >= 2);
    expect((await fx.h.snapshot()).terminals.find((t) => t.id === 'TERM-002')).toMatchObject({ presence: 'online', payable: true });
  });

  it('K: a second POS with the same key displaces this one; no automatic reconnect until asked', async () => {
    // The core's clock is a FakeClock: "no automatic reconnect" is checked over an hour of its
    // time (every retry timer it could have set), not over a short real sleep.
    const clock = new FakeClock(Date.now());
    fx = await startFixture({ deps: { clock } });
    await fx.sim.control.displace();
    await fx.h.waitFor((s) => s.connection.state === 'displaced');
    const opens = () =>
      fx!.sim.control.log().filter((e) => e.dir === 'event' && e.role === 'desktop' && (e.frame as { event?: string }).event === 'open').length;
    const before = opens();
    clock.advance(3_600_000);
    expect(clock.pending().filter((ms) => ms <= 0)).toEqual([]);
    expect((await fx.h.snapshot()).connection.state).toBe('displaced');
    expect(opens()).toBe(before);
    expect((await pay(fx.h, 'TERM-001', 'ORDER-K')).ok).toBe(false);
    await fx.h.core.invoke('reconnectNow', {});
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.terminals.some((t) => t.payable));
  });

  it('M: payment to a terminal that just vanished → rejected as "not connected", terminal refreshed', async () => {
    fx = await startFixture();
    fx.sim.control.faults.delayPushes(1_500); // our list still says online when we press Pay
    fx.sim.control.dropTerminal('TERM-003');
    await fx.h.waitFor(() => fx!.sim.control.terminals().find((t) => t.id === 'TERM-003' && t.status !== 'online'));
    expect((await fx.h.snapshot()).terminals.find((t) => t.id === 'TERM-003')?.payable).toBe(true);
    const id = await payOk(fx.h, 'TERM-003', 'ORDER-M');
    const p = await settled(fx, id, 'rejected');
    expect(p.detail).toMatch(/not connected/);
    await fx.h.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-003' && !t.payable));
  });
});
