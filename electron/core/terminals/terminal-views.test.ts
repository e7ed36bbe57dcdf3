import { describe, expect, it } from 'vitest';
import type { ClientFrame } from '../../../shared/protocol';
import type { GatewayConnection } from '../connection/gateway-connection';
import { EventStream } from '../events/event-stream';
import type { PaymentLedger } from '../payments/ledger';
import { FakeClock } from '../testing/fake-clock';
import { pushFrame } from '../testing/terminal-frames';
import { TerminalRegistry } from './terminal-registry';
import { TerminalViews } from './terminal-views';

/**
 * The till's one timer of its own during a grace countdown: the list re-check when the countdown
 * should have ended. The real registry and views on a FakeClock (timers monotonic, `jump` moves
 * the wall clock); the link only records what is sent, no terminal has a payment open.
 */
const GRACE_MS = 60_000;
const MARGIN_MS = 2_000;
const HOUR = 3_600_000;

function views() {
  const clock = new FakeClock();
  const sent: ClientFrame[] = [];
  const connection = { send: (frame: ClientFrame) => sent.push(frame), isOpen: () => true } as unknown as GatewayConnection;
  const ledger = { openForTerminal: () => undefined } as unknown as PaymentLedger;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const v = new TerminalViews({
    registry: new TerminalRegistry(GRACE_MS),
    ledger,
    connection,
    events: new EventStream(silent as never),
    clock,
    graceRecheckMarginMs: MARGIN_MS,
  });
  const listRequests = () => sent.filter((f) => f.action === 'getTerminals').length;
  return { v, clock, listRequests };
}

describe('the list re-check at the end of a grace countdown', () => {
  it('comes grace + margin after the drop, once, when the gateway repeats "reconnecting"', () => {
    const { v, clock, listRequests } = views();
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
    const { v, clock, listRequests } = views();
    v.onStatusUpdate(pushFrame(0, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(20_000);
    clock.jump(-3 * HOUR);
    v.onStatusUpdate(pushFrame(20_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }));
    clock.advance(GRACE_MS + MARGIN_MS - 20_000);
    expect(listRequests()).toBe(1);
  });

  it('a new drop after the terminal came back starts a new countdown', () => {
    const { v, clock, listRequests } = views();
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
