import { describe, expect, it } from 'vitest';
import { connectionUnderTest } from '../testing/connection-under-test';
import { ReconnectUrgency } from './reconnect-urgency';

/**
 * Back online at once (till): while the cashier is on the checkout or a payment is open, a
 * reconnect retry waits at most the urgent cap. The real GatewayConnection on a scripted socket
 * and a FakeClock: base 1 s, cap 30 s, urgent cap 1 s, jitter fixed at one half.
 */
const BACKOFF = { baseMs: 1_000, capMs: 30_000, urgentCapMs: 1_000, random: () => 0.5 };

function setup(backoff = BACKOFF) {
  const under = connectionUnderTest({}, { backoff, pingIntervalMs: 3_600_000 });
  let paymentOpen = false;
  const urgency = new ReconnectUrgency(under.conn, () => paymentOpen);
  /** Lets the gateway refuse `n` connects in a row, each on its retry timer. */
  const failConnects = (n: number) => {
    under.configure();
    for (let i = 0; i < n; i += 1) {
      if (i > 0) under.clock.advance(under.conn.view().nextRetryAt! - under.clock.now());
      under.wire.last().fail('connect ECONNREFUSED');
      under.wire.last().serverClose(1006);
    }
  };
  const waitsFor = () => under.conn.view().nextRetryAt! - under.clock.now();
  return { ...under, urgency, failConnects, waitsFor, setPaymentOpen: (open: boolean) => (paymentOpen = open) };
}

describe('reconnect urgency', () => {
  it('a long retry is brought within the urgent cap when the cashier opens the checkout, and fires then', () => {
    const { urgency, failConnects, waitsFor, clock, wire, conn, types } = setup();
    failConnects(5);
    expect(waitsFor()).toBe(8_000);
    const before = types().length;
    urgency.setCheckoutOpen(true);
    expect(waitsFor()).toBe(500);
    expect(types().slice(before)).toEqual(['state:backoff']);
    expect(conn.view()).toMatchObject({ state: 'backoff', attempt: 5 });
    clock.advance(499);
    expect(wire.sockets).toHaveLength(5);
    clock.advance(1);
    expect(wire.sockets).toHaveLength(6);
    // The long timer it replaced never fires on top.
    wire.last().open();
    clock.advance(10_000);
    expect(wire.sockets).toHaveLength(6);
  });

  it('the retry brought forward keeps the jitter of its step, within the urgent cap', () => {
    // Base 100 ms: the sixth retry would wait 1.6 s; within the 1 s cap it waits half of it.
    const { urgency, failConnects, waitsFor } = setup({ ...BACKOFF, baseMs: 100 });
    failConnects(6);
    expect(waitsFor()).toBe(1_600);
    urgency.setCheckoutOpen(true);
    expect(waitsFor()).toBe(500);
  });

  it('a refused key keeps its slow retry when the till becomes urgent (no quicker knocking with a bad key)', () => {
    const { urgency, configure, wire, clock, conn } = setup();
    configure();
    wire.last().fail('Unexpected server response: 401');
    wire.last().serverClose(1006);
    expect(conn.view().state).toBe('auth_failed');
    urgency.setCheckoutOpen(true);
    clock.advance(119_999);
    expect(wire.sockets).toHaveLength(1);
    clock.advance(1);
    expect(wire.sockets).toHaveLength(2);
  });

  it('an open payment makes the till urgent too, checked again on update()', () => {
    const { urgency, failConnects, waitsFor, setPaymentOpen } = setup();
    failConnects(5);
    urgency.update();
    expect(waitsFor()).toBe(8_000);
    setPaymentOpen(true);
    urgency.update();
    expect(waitsFor()).toBe(500);
  });

  it('while urgent, every new retry uses the urgent cap; after the checkout closes, the long backoff again', () => {
    const { urgency, failConnects, waitsFor, clock, wire } = setup();
    urgency.setCheckoutOpen(true);
    failConnects(6);
    expect(waitsFor()).toBe(500);
    urgency.setCheckoutOpen(false);
    // Not urgent any more: the pending short retry is kept, the next one waits long.
    expect(waitsFor()).toBe(500);
    clock.advance(500);
    wire.last().fail('connect ECONNREFUSED');
    wire.last().serverClose(1006);
    expect(waitsFor()).toBe(30_000 / 2);
  });

  it('a retry already within the urgent cap is left as it is (no new timer, no event)', () => {
    const { urgency, failConnects, waitsFor, types } = setup();
    failConnects(2);
    expect(waitsFor()).toBe(1_000);
    const before = types().length;
    urgency.setCheckoutOpen(true);
    expect(waitsFor()).toBe(1_000);
    expect(types()).toHaveLength(before);
  });

  it('urgency while connected, idle or told twice changes nothing', () => {
    const { urgency, connect, conn, types } = setup();
    urgency.setCheckoutOpen(true);
    expect(conn.view().state).toBe('idle');
    connect();
    const before = types().length;
    urgency.setCheckoutOpen(true);
    urgency.update();
    expect(types()).toHaveLength(before);
    expect(conn.view()).not.toHaveProperty('nextRetryAt');
  });

  it('the checkout and an open payment each keep the till urgent', () => {
    const calls: boolean[] = [];
    let paymentOpen = false;
    const urgency = new ReconnectUrgency({ setUrgent: (u) => calls.push(u) }, () => paymentOpen);
    urgency.setCheckoutOpen(true);
    paymentOpen = true;
    urgency.setCheckoutOpen(false);
    paymentOpen = false;
    urgency.update();
    urgency.setCheckoutOpen(true);
    expect(calls).toEqual([true, true, false, true]);
  });
});
