import { afterEach, describe, expect, it } from 'vitest';
import { pushFrame } from '../testing/terminal-frames';
import { GRACE_MS, MARGIN_MS, removeTerminalViewsDirs, setupTerminalViews as views } from '../testing/terminal-views-fixture';

/**
 * The till's one timer of its own during a grace countdown: the list re-check when the countdown
 * should have ended. The real registry and views on a FakeClock (timers monotonic, `jump` moves
 * the wall clock); the link only records what is sent, no terminal has a payment open.
 */
const HOUR = 3_600_000;
afterEach(removeTerminalViewsDirs);

describe('the list re-check at the end of a grace countdown', () => {
  it('comes grace + margin after the drop, once, when the gateway repeats "reconnecting"', () => {
    const { views: v, clock, listRequests } = views();
    v.onStatusUpdate(pushFrame(0, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(20_000);
    v.onStatusUpdate(pushFrame(20_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(GRACE_MS + MARGIN_MS - 20_000 - 1);
    expect(listRequests()).toBe(0);
    clock.advance(1);
    expect(listRequests()).toBe(1);
    clock.advance(10 * GRACE_MS);
    expect(listRequests()).toBe(1);
  });

  it('is not put off by the wall clock set back between two "reconnecting" pushes', () => {
    const { views: v, clock, listRequests } = views();
    v.onStatusUpdate(pushFrame(0, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(20_000);
    clock.jump(-3 * HOUR);
    v.onStatusUpdate(pushFrame(20_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(GRACE_MS + MARGIN_MS - 20_000);
    expect(listRequests()).toBe(1);
  });

  it('a new drop after the terminal came back starts a new countdown', () => {
    const { views: v, clock, listRequests } = views();
    v.onStatusUpdate(pushFrame(0, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(10_000);
    v.onStatusUpdate(pushFrame(10_000, 'TERM-001', 'connected', { deviceId: 'TERM-001' }));
    clock.advance(10_000);
    v.onStatusUpdate(pushFrame(20_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(GRACE_MS + MARGIN_MS - 1);
    expect(listRequests()).toBe(0);
    clock.advance(1);
    expect(listRequests()).toBe(1);
  });
});
