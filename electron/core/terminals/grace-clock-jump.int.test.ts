import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Bad input from the PC's own clock during a terminal's grace countdown (issue 14, "Bad input"):
 * the wall clock jumps while a payment's terminal is reconnecting. Only the gateway decides when
 * grace is over (its `disconnected` push); the till's one timer of its own is the list re-check
 * when the countdown should have ended, and that must still come grace + margin after the drop
 * in elapsed time, whichever way the wall clock moved. The core runs on a FakeClock (jump moves
 * the wall clock, timers stay monotonic); the simulator's own grace is far longer than the test.
 */
const GRACE_MS = 60_000;
const MARGIN_MS = 2_000;
const HOUR = 3_600_000;
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const logged = (f: SimFixture, event: 'frame.out' | 'frame.in', action: string) =>
  f.h.logger.lines.filter((l) => l.event === event && (l.frame as { action?: string }).action === action).length;
const listRequests = (f: SimFixture) => logged(f, 'frame.out', 'getTerminals');

describe('the wall clock jumps during a grace countdown', () => {
  for (const [name, jump] of [
    ['back 3 h', -3 * HOUR],
    ['forward 3 h', 3 * HOUR],
  ] as const) {
    it(`${name}: the payment waits for the gateway, the list is re-checked ${(GRACE_MS + MARGIN_MS) / 1000} s after the drop, and the return is approved`, async () => {
      const clock = new FakeClock(Date.now());
      fx = await startFixture({
        sim: { defaultDelayMs: 50, gracePeriodMs: 10 * 60_000 },
        // No ping falls due while the test moves the clock: the heartbeat is not what is tested.
        tuning: { terminalGraceMs: GRACE_MS, graceRecheckMarginMs: MARGIN_MS, paymentDeadlineMs: 10 * 60_000, pingIntervalMs: 24 * HOUR, pongTimeoutMs: HOUR },
        deps: { clock },
      });
      fx.sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 50, resultAfterReconnect: 'SUCCESS' });
      const id = await payOk(fx.h, 'TERM-001', 'GRACE-JUMP');
      await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'terminal_reconnecting'));
      const before = listRequests(fx);
      const listsRead = logged(fx, 'frame.in', 'terminalsResponse');
      clock.jump(jump);
      clock.advance(GRACE_MS + MARGIN_MS - 1);
      expect(listRequests(fx)).toBe(before);
      clock.advance(1);
      expect(listRequests(fx)).toBe(before + 1);
      // The gateway still says "reconnecting": so does the till, and the payment is still waiting.
      const snap = await fx.h.waitFor((s) => logged(fx!, 'frame.in', 'terminalsResponse') > listsRead && s);
      expect(snap.terminals.find((t) => t.id === 'TERM-001')).toMatchObject({ presence: 'reconnecting', payable: false });
      expect(snap.payments.find((p) => p.transactionId === id)?.state).toBe('terminal_reconnecting');
      fx.sim.control.reconnectTerminal('TERM-001');
      const done = await fx.h.waitFor((s) =>
        s.payments.find((p) => p.transactionId === id && p.state !== 'terminal_reconnecting' && p.state !== 'awaiting_result' && p),
      );
      expect(done.state).toBe('approved');
    });
  }
});
