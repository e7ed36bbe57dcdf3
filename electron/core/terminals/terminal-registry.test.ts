import { describe, expect, it } from 'vitest';
import type { TerminalStatusUpdateFrame } from '../../../shared/protocol';
import { listFrame as list, pushFrame, T0 } from '../testing/terminal-frames';
import { TerminalRegistry } from './terminal-registry';

/** A push that names its deviceId, except "disconnected" (as the gateway sends them). */
const push = (at: number, terminalId: string, status: TerminalStatusUpdateFrame['status'], extra: Partial<TerminalStatusUpdateFrame> = {}) =>
  pushFrame(at, terminalId, status, { ...(status !== 'disconnected' ? { deviceId: terminalId } : {}), ...extra });

describe('terminal registry (§9.2)', () => {
  it('builds from the list; only online terminals are payable', () => {
    const r = new TerminalRegistry(60_000);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', connectionId: 'c1', status: 'online' },
        { deviceId: 'TERM-002', connectionId: 'c2', status: 'reconnecting' },
        { connectionId: 'c9', status: 'online' },
      ]),
      T0,
    );
    expect(r.ids()).toEqual(['TERM-001', 'TERM-002', 'c9']);
    expect(r.view('TERM-001', { linkOpen: true })?.payable).toBe(true);
    expect(r.view('TERM-002', { linkOpen: true })).toMatchObject({ payable: false, notPayableReason: 'Terminal is reconnecting', graceEndsAt: T0 + 60_000 });
    expect(r.view('TERM-001', { linkOpen: false })?.payable).toBe(false);
    expect(r.view('TERM-001', { linkOpen: true, openPaymentId: 'tx' })).toMatchObject({ payable: false, notPayableReason: 'Busy with a payment' });
  });

  it('a push newer than the list wins whichever arrives first', () => {
    for (const order of ['list-first', 'push-first'] as const) {
      const r = new TerminalRegistry(60_000);
      const l = list(1_000, [{ deviceId: 'TERM-001', status: 'online' }]);
      const p = push(2_000, 'TERM-001', 'reconnecting');
      if (order === 'list-first') {
        r.applyList(l, T0);
        r.applyPush(p, T0);
      } else {
        r.applyPush(p, T0);
        r.applyList(l, T0);
      }
      expect(r.presence('TERM-001'), order).toBe('reconnecting');
    }
  });

  it('reordered and duplicated pushes settle on the newest', () => {
    const r = new TerminalRegistry(60_000);
    r.applyPush(push(3_000, 'TERM-001', 'connected', { connectionId: 'c2' }), T0);
    const stale = r.applyPush(push(1_000, 'TERM-001', 'reconnecting'), T0);
    expect(stale.changed).toEqual([]);
    r.applyPush(push(3_000, 'TERM-001', 'connected', { connectionId: 'c2' }), T0);
    expect(r.view('TERM-001', { linkOpen: true })).toMatchObject({ presence: 'online', connectionId: 'c2' });
  });

  it('keeps deviceId terminals greyed out when offline and drops those without one', () => {
    const r = new TerminalRegistry(60_000);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', status: 'online' },
        { connectionId: 'c9', status: 'online' },
      ]),
      T0,
    );
    r.applyPush(push(1_000, 'TERM-001', 'disconnected'), T0);
    expect(r.presence('TERM-001')).toBe('offline');
    expect(r.applyPush(push(1_000, 'c9', 'disconnected'), T0).removed).toEqual(['c9']);
    // A later list without TERM-001 keeps it offline; a list without c-terminals removes them.
    r.applyList(list(5_000, []), T0);
    expect(r.presence('TERM-001')).toBe('offline');
  });
});
