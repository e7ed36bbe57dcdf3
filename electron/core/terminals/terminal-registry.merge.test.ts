import { describe, expect, it } from 'vitest';
import { iso, listFrame as list, pushFrame as push, T0 } from '../testing/terminal-frames';
import { TerminalRegistry } from './terminal-registry';

/**
 * The registry's merge rules in detail (§9.2, OQ-13): what each list and push changes and
 * reports, ties between equal timestamps, the grace countdown whichever way the gateway's and the
 * register's clocks disagree, and every "why not payable" a cashier can read.
 */
const GRACE = 60_000;
const open = { linkOpen: true };

describe('terminal registry: lists', () => {
  it('reports exactly the terminals a list changed and removed, sorted ids', () => {
    const r = new TerminalRegistry(GRACE);
    const first = r.applyList(list(0, [{ deviceId: 'TERM-002', status: 'online' }, { deviceId: 'TERM-001', status: 'online' }, { connectionId: 'c9' }]), T0);
    expect(first).toEqual({ changed: ['TERM-002', 'TERM-001', 'c9'], removed: [] });
    expect(r.ids()).toEqual(['TERM-001', 'TERM-002', 'c9']);
    const second = r.applyList(list(1_000, [{ deviceId: 'TERM-001', status: 'online' }]), T0);
    expect(second).toEqual({ changed: ['TERM-001', 'TERM-002'], removed: ['c9'] });
    expect(r.presence('TERM-002')).toBe('offline');
    expect(r.has('c9')).toBe(false);
    // Already offline and still missing: nothing to report.
    expect(r.applyList(list(2_000, [{ deviceId: 'TERM-001', status: 'online' }]), T0)).toEqual({ changed: ['TERM-001'], removed: [] });
  });

  it('a list with the same timestamp as a push replaces it (only a strictly newer fact survives)', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(1_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }), T0);
    r.applyList(list(1_000, [{ deviceId: 'TERM-001', status: 'online' }]), T0);
    expect(r.presence('TERM-001')).toBe('online');
    // A terminal the list omits but a strictly newer push mentions is left alone.
    r.applyPush(push(5_000, 'TERM-002', 'connected', { deviceId: 'TERM-002' }), T0);
    expect(r.applyList(list(4_000, [{ deviceId: 'TERM-001', status: 'online' }]), T0)).toEqual({ changed: ['TERM-001'], removed: [] });
    expect(r.presence('TERM-002')).toBe('online');
    // With equal timestamps the list's silence counts: the terminal is offline.
    r.applyList(list(5_000, [{ deviceId: 'TERM-001', status: 'online' }]), T0);
    expect(r.presence('TERM-002')).toBe('offline');
  });

  it('a list entry without a status is online; one with an unknown status too; ids and labels come from the item', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', connectionId: 'c1', metadata: { name: '  Lane 1  ' } },
        { deviceId: 'TERM-002', status: 'sleeping' as never, metadata: { label: 'Front' } },
        { terminalId: 'TERM-003', metadata: { name: '   ', label: 'ignored' } },
      ]),
      T0,
    );
    expect(r.view('TERM-001', open)).toEqual({
      id: 'TERM-001',
      deviceId: 'TERM-001',
      connectionId: 'c1',
      label: 'Lane 1',
      presence: 'online',
      payable: true,
      lastSeenAt: T0,
    });
    expect(r.view('TERM-002', open)).toMatchObject({ label: 'Front', presence: 'online', payable: true });
    expect(r.view('TERM-003', open)).toMatchObject({ label: 'TERM-003' });
    expect(r.view('TERM-003', open)).not.toHaveProperty('deviceId');
    expect(r.view('TERM-003', open)).not.toHaveProperty('connectionId');
  });

  it('only a reconnecting terminal in the list has a grace end', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', status: 'online' },
        { deviceId: 'TERM-002', status: 'offline' },
        { deviceId: 'TERM-003', status: 'reconnecting' },
      ]),
      T0,
    );
    expect([r.graceEndsAt('TERM-001'), r.graceEndsAt('TERM-002'), r.graceEndsAt('TERM-003')]).toEqual([undefined, undefined, T0 + GRACE]);
  });

  it('a list keeps the deviceId it learnt before, and a long name is cut to 64 characters', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(0, 'c7', 'connected', { deviceId: 'TERM-007', connectionId: 'c7' }), T0);
    r.applyList(list(1_000, [{ terminalId: 'TERM-007', metadata: { name: 'x'.repeat(80) } }]), T0);
    expect(r.hasDeviceId('TERM-007')).toBe(true);
    expect(r.view('TERM-007', open)?.label).toBe('x'.repeat(64));
  });

  it('"last seen" is when the till heard of it, on the till\'s clock, whatever the gateway\'s times say (money-truth rule 6)', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(list(9_000, [{ deviceId: 'TERM-001', lastActivity: iso(4_000) }, { deviceId: 'TERM-002' }]), T0 - 300_000);
    expect(r.view('TERM-001', open)?.lastSeenAt).toBe(T0 - 300_000);
    expect(r.view('TERM-002', open)?.lastSeenAt).toBe(T0 - 300_000);
  });
});

describe('terminal registry: pushes', () => {
  it('a push reports the one terminal it changed; a stale one reports nothing and changes nothing', () => {
    const r = new TerminalRegistry(GRACE);
    expect(r.applyPush(push(2_000, 'TERM-001', 'connected', { deviceId: 'TERM-001', connectionId: 'c1' }), T0)).toEqual({ changed: ['TERM-001'], removed: [] });
    expect(r.applyPush(push(1_999, 'TERM-001', 'disconnected', { deviceId: 'TERM-001' }), T0)).toEqual({ changed: [], removed: [] });
    expect(r.presence('TERM-001')).toBe('online');
    // A push with the same timestamp is applied (ties go to the later arrival).
    r.applyPush(push(2_000, 'TERM-001', 'disconnected', { deviceId: 'TERM-001' }), T0);
    expect(r.presence('TERM-001')).toBe('offline');
  });

  it('a push that names the terminal by connectionId finds the entry kept under its deviceId', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(list(0, [{ connectionId: 'c5', status: 'online' }]), T0);
    r.applyPush(push(1_000, 'c5', 'reconnecting'), T0);
    expect(r.ids()).toEqual(['c5']);
    expect(r.presence('c5')).toBe('reconnecting');
  });

  it('a push naming the terminal by its connection finds the entry kept under its deviceId: label kept, stale push ignored', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(list(5_000, [{ deviceId: 'TERM-007', connectionId: 'c7', status: 'online', metadata: { name: 'Lane 7' } }]), T0);
    expect(r.applyPush(push(4_000, 'c7', 'reconnecting', { deviceId: 'TERM-007' }), T0).changed).toEqual([]);
    r.applyPush(push(6_000, 'c7', 'reconnecting', { deviceId: 'TERM-007' }), T0);
    expect(r.ids()).toEqual(['TERM-007']);
    expect(r.view('TERM-007', open)).toMatchObject({ label: 'Lane 7', presence: 'reconnecting', connectionId: 'c7' });
  });

  it('the deviceId may come in terminalInfo; going offline keeps the last connectionId, coming online takes the new one', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(0, 'c1', 'connected', { terminalInfo: { deviceId: 'TERM-001', connectionId: 'c1' } }), T0);
    expect(r.view('TERM-001', open)).toMatchObject({ deviceId: 'TERM-001', connectionId: 'c1' });
    r.applyPush(push(1_000, 'TERM-001', 'disconnected'), T0);
    expect(r.view('TERM-001', open)).toMatchObject({ presence: 'offline', connectionId: 'c1', deviceId: 'TERM-001' });
    r.applyPush(push(2_000, 'TERM-001', 'connected', { connectionId: 'c2' }), T0);
    expect(r.view('TERM-001', open)).toMatchObject({ presence: 'online', connectionId: 'c2' });
  });

  it('a terminal without a deviceId that disconnects is removed; an unknown one reports nothing', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(0, 'c9', 'connected', { connectionId: 'c9' }), T0);
    expect(r.applyPush(push(1_000, 'c9', 'disconnected'), T0)).toEqual({ changed: [], removed: ['c9'] });
    expect(r.applyPush(push(2_000, 'c9', 'disconnected'), T0)).toEqual({ changed: [], removed: [] });
    expect(r.ids()).toEqual([]);
  });

  it('after a push without a usable timestamp the next fact wins by arrival, never by comparing clocks (money-truth rule 6)', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush({ ...push(0, 'TERM-001', 'connected', { deviceId: 'TERM-001' }), timestamp: 'not a time' }, T0 + 50_000);
    expect(r.view('TERM-001', open)?.lastSeenAt).toBe(T0 + 50_000);
    expect(r.applyPush(push(40_000, 'TERM-001', 'disconnected', { deviceId: 'TERM-001' }), T0 + 51_000).changed).toEqual(['TERM-001']);
    expect(r.presence('TERM-001')).toBe('offline');
  });
});

describe('terminal registry: grace countdown', () => {
  it("ends the grace period the gateway's 60 s after the till heard of it, on the till's clock (money-truth rule 6)", () => {
    for (const [name, localNow, expected] of [
      ['clocks agree', T0 + 1_000, T0 + 1_000 + GRACE],
      ['register clock behind the gateway (or set back)', T0 + 1_000 - 3_600_000, T0 + 1_000 - 3_600_000 + GRACE],
      ['register clock ahead of the gateway (or set forward)', T0 + 1_000 + 3_600_000, T0 + 1_000 + 3_600_000 + GRACE],
    ] as const) {
      const r = new TerminalRegistry(GRACE);
      r.applyPush(push(1_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }), localNow);
      expect(r.graceEndsAt('TERM-001'), name).toBe(expected);
      expect(r.view('TERM-001', open), name).toMatchObject({
        presence: 'reconnecting',
        graceEndsAt: expected,
        payable: false,
        notPayableReason: 'Terminal is reconnecting',
      });
    }
    const fromList = new TerminalRegistry(GRACE);
    fromList.applyList(list(1_000, [{ deviceId: 'TERM-001', status: 'reconnecting' }]), T0 + 3_600_000);
    expect(fromList.graceEndsAt('TERM-001')).toBe(T0 + 3_600_000 + GRACE);
  });

  it('has no countdown once the terminal is back or gone', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(1_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }), T0);
    r.applyPush(push(2_000, 'TERM-001', 'connected', { deviceId: 'TERM-001' }), T0);
    expect(r.graceEndsAt('TERM-001')).toBeUndefined();
    expect(r.view('TERM-001', open)).not.toHaveProperty('graceEndsAt');
    r.applyPush(push(3_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }), T0);
    r.applyList(list(4_000, [{ deviceId: 'TERM-001', status: 'offline' }]), T0);
    expect(r.view('TERM-001', open)).not.toHaveProperty('graceEndsAt');
  });
});

describe('terminal registry: what the cashier reads', () => {
  it('says why a terminal cannot take a card, the link first', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(
      list(0, [
        { deviceId: 'TERM-001', status: 'online' },
        { deviceId: 'TERM-002', status: 'offline' },
      ]),
      T0,
    );
    expect(r.view('TERM-002', { linkOpen: false })?.notPayableReason).toBe('Not connected to the gateway');
    expect(r.view('TERM-002', { linkOpen: true, synced: false })?.notPayableReason).toBe('Refreshing the terminal list');
    expect(r.view('TERM-002', open)?.notPayableReason).toBe('Terminal is offline');
    expect(r.view('TERM-001', { linkOpen: true, synced: true })).toMatchObject({ payable: true });
    expect(r.view('TERM-001', { linkOpen: true, openPaymentId: 'tx-9' })).toMatchObject({
      payable: false,
      notPayableReason: 'Busy with a payment',
      openPaymentId: 'tx-9',
    });
    expect(r.view('TERM-001', open)).not.toHaveProperty('openPaymentId');
    expect(r.view('NOPE', open)).toBeUndefined();
  });

  it('"Terminal connection not found" greys a terminal out until a newer fact, and reports it once', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyPush(push(5_000, 'TERM-001', 'reconnecting', { deviceId: 'TERM-001' }), T0);
    expect(r.markOffline('TERM-001')).toEqual({ changed: ['TERM-001'], removed: [] });
    expect(r.view('TERM-001', open)).toMatchObject({ presence: 'offline', notPayableReason: 'Terminal is offline' });
    expect(r.view('TERM-001', open)).not.toHaveProperty('graceEndsAt');
    expect(r.markOffline('TERM-001')).toEqual({ changed: [], removed: [] });
    expect(r.markOffline('NOPE')).toEqual({ changed: [], removed: [] });
    // It keeps the gateway time of the fact it corrects (never a local time, money-truth rule 6):
    // an older push cannot undo it, a newer one does.
    expect(r.applyPush(push(4_000, 'TERM-001', 'connected', { deviceId: 'TERM-001' }), T0).changed).toEqual([]);
    expect(r.applyPush(push(6_000, 'TERM-001', 'connected', { deviceId: 'TERM-001' }), T0).changed).toEqual(['TERM-001']);
  });

  it('clear() forgets every terminal and returns their ids', () => {
    const r = new TerminalRegistry(GRACE);
    r.applyList(list(0, [{ deviceId: 'TERM-001' }, { deviceId: 'TERM-002' }]), T0);
    expect(r.clear()).toEqual(['TERM-001', 'TERM-002']);
    expect(r.ids()).toEqual([]);
    expect(r.presence('TERM-001')).toBeUndefined();
  });
});
