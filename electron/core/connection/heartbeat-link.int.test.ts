import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * The heartbeat against the real simulator with an injected clock: only the clock decides when
 * a ping is due and when its deadline passes, so these cannot flake on a slow machine. Frames
 * still travel over real sockets; the test waits for what the core has seen, never sleeps.
 */
const PING_MS = 30_000;
const PONG_MS = 10_000;
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function startWithClock(): Promise<{ fx: SimFixture; clock: FakeClock }> {
  const clock = new FakeClock(Date.now());
  const started = await startFixture({
    tuning: { pingIntervalMs: PING_MS, pongTimeoutMs: PONG_MS, paymentDeadlineMs: 120_000 },
    deps: { clock },
  });
  return { fx: started, clock };
}

const deadLinks = (f: SimFixture) => f.h.logger.lines.filter((l) => l.event === 'connection.dead');

describe('heartbeat over a real socket (vendor §8)', () => {
  it('a terminal push arriving while a ping is unanswered does not count as the pong', async () => {
    const started = await startWithClock();
    fx = started.fx;
    const { clock } = started;
    fx.sim.control.faults.ignorePings(true);
    clock.advance(PING_MS); // the ping goes out; the gateway stays silent about it
    fx.sim.control.dropTerminal('TERM-002');
    await fx.h.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-002' && t.presence !== 'online'));
    expect(deadLinks(fx)).toEqual([]);
    clock.advance(PONG_MS);
    expect(deadLinks(fx)).toMatchObject([{ reason: 'no pong within deadline' }]);
    await fx.h.waitFor((s) => s.connection.state !== 'open' && s.connection);
  });

  it('a half-open link (socket up, nothing arrives, sends succeed) is found by the pong deadline and the payment becomes unknown', async () => {
    const started = await startWithClock();
    fx = started.fx;
    const { clock } = started;
    fx.sim.control.faults.dropPosConnections({ silent: true, halfOpen: true });
    // The core cannot tell: the socket is open and the payment frame is written to it.
    const id = await payOk(fx.h, 'TERM-001', 'HALF-OPEN-1');
    expect((await fx.h.snapshot()).connection.state).toBe('open');
    expect(fx.sim.control.transaction(id)).toBeUndefined();
    clock.advance(PING_MS + PONG_MS - 1);
    expect(deadLinks(fx)).toEqual([]);
    clock.advance(1);
    expect(deadLinks(fx)).toMatchObject([{ reason: 'no pong within deadline' }]);
    const payment = await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state !== 'sent' && p.state !== 'awaiting_result' && p));
    expect(payment.state).toBe('unknown');
    // And the link comes back by itself (the first retry may already be due: full jitter).
    const link = await fx.h.waitFor((s) => (s.connection.state === 'backoff' || s.connection.reconnectsToday >= 1) && s.connection);
    if (link.state === 'backoff') clock.advance(link.nextRetryAt! - clock.now());
    const back = await fx.h.waitFor(
      (s) =>
        s.connection.state === 'open' &&
        s.connection.reconnectsToday >= 1 &&
        s.terminals.some((t) => t.id === 'TERM-001' && t.presence === 'online') &&
        s.connection,
    );
    expect(back.reconnectsToday).toBe(1);
  });
});
