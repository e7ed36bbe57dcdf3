import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../shared/ipc';
import type { ServerActionFrame } from '../../../shared/protocol';
import { setupInbound } from '../testing/inbound-fixture';
import { removePaymentCommandDirs } from '../testing/payment-commands-fixture';

/**
 * Where each thing the gateway connection reports goes. The vendor's push frames verbatim
 * (vendor-pages/websocket-notifications.txt) with our transaction ids where the till knows them.
 */
afterEach(removePaymentCommandDirs);

const link = (state: ConnectionView['state'], reason?: string): ConnectionView => ({
  state,
  endpoint: 'wss://store.example/v1',
  attempt: 0,
  since: 0,
  reconnectsToday: 0,
  ...(reason ? { reason } : {}),
});

const VENDOR_VOID_REASON = 'Terminal reconnected after grace period expired';
const voided = (transactionId: string, reason?: string): ServerActionFrame => ({
  action: 'paymentVoided',
  terminalId: 'TERM-001',
  transactionId,
  ...(reason ? { reason } : {}),
  originalPaymentResponse: { transactionId, status: 'SUCCESS', amount: '12.50', currency: 'USD' },
  timestamp: '2024-01-15T10:38:30.000Z',
});
const complete = (transactionId: string): ServerActionFrame => ({
  action: 'paymentComplete',
  terminalId: 'T1',
  paymentResponse: { transactionId, status: 'SUCCESS', amount: '12.50', currency: 'USD', paymentMethod: 'CARD', timestamp: '2024-01-15T10:37:30.000Z' },
  timestamp: '2024-01-15T10:37:30.000Z',
});

describe('link states', () => {
  it("a refused key or a displaced till is noted for diagnostics (the gateway's reason, else the state); other states are only shown", () => {
    const f = setupInbound();
    f.router.onConnectionEvent({ type: 'state', view: link('auth_failed', 'Invalid API key') });
    f.router.onConnectionEvent({ type: 'state', view: link('displaced') });
    f.router.onConnectionEvent({ type: 'state', view: link('backoff', 'socket closed') });
    f.router.onConnectionEvent({ type: 'state', view: link('open') });
    expect(f.errors).toEqual(['Invalid API key', 'displaced']);
    expect(f.emitted.filter((e) => e.type === 'connection').map((e) => e.type === 'connection' && e.connection.state)).toEqual([
      'auth_failed',
      'displaced',
      'backoff',
      'open',
    ]);
  });

  it('an open link marks the list stale until the next terminalsResponse and runs recovery', () => {
    const f = setupInbound();
    expect(f.terminals.isSynced()).toBe(true);
    f.router.onConnectionEvent({ type: 'open' });
    expect(f.terminals.isSynced()).toBe(false);
    expect(f.recoveries).toEqual(['reconnect']);
  });
});

describe('what the core sent', () => {
  it('a getTerminals sent is what a later list error answers, so it is not noted as a stray gateway error', () => {
    const f = setupInbound();
    f.router.onConnectionEvent({ type: 'sent', frame: { action: 'getTerminals' } });
    f.router.onConnectionEvent({ type: 'errorFrame', frame: { error: 'Bad Request', message: 'Something odd' } });
    expect(f.errors).toEqual([]);
  });

  it('a ping sent is not waiting for an error: an error after it is a stray one, noted', () => {
    const f = setupInbound();
    f.router.onConnectionEvent({ type: 'sent', frame: { action: 'ping' } });
    f.router.onConnectionEvent({ type: 'errorFrame', frame: { error: 'Bad Request', message: 'Something odd' } });
    expect(f.errors).toEqual(['Gateway error: Bad Request — Something odd']);
  });
});

describe('payment pushes', () => {
  it("our payment's result is applied; another till's is logged and changes nothing", async () => {
    const f = setupInbound();
    const id = await f.started();
    f.router.onConnectionEvent({ type: 'frame', frame: complete('TXN-20240115-001') });
    expect(f.logged('frame.foreign_payment')).toEqual([{ level: 'info', event: 'frame.foreign_payment', transactionId: 'TXN-20240115-001' }]);
    expect(f.stateOf(id)).toBe('sent');
    expect(f.ledger.get('TXN-20240115-001')).toBeUndefined();
    f.router.onConnectionEvent({ type: 'frame', frame: complete(id) });
    expect(f.stateOf(id)).toBe('approved');
    expect(f.logged('frame.foreign_payment')).toHaveLength(1);
  });

  it("our payment voided: voided with the gateway's reason and a void alert for the cashier", async () => {
    const f = setupInbound();
    const id = await f.paid('O-1');
    f.router.onConnectionEvent({ type: 'frame', frame: voided(id, VENDOR_VOID_REASON) });
    expect(f.ledger.get(id)).toMatchObject({ state: 'voided', voidReason: VENDOR_VOID_REASON });
    expect(f.ledger.alerts()).toMatchObject([{ transactionId: id }]);
    expect(f.logged('frame.foreign_void')).toEqual([]);
  });

  it('a void of a payment left unknown by a dropped link settles it, recorded as settled by the push', async () => {
    const f = setupInbound();
    const id = await f.started();
    f.router.onConnectionEvent({ type: 'down', reason: 'socket closed' });
    expect(f.stateOf(id)).toBe('unknown');
    f.router.onConnectionEvent({ type: 'frame', frame: voided(id, VENDOR_VOID_REASON) });
    expect(f.ledger.get(id)).toMatchObject({ state: 'voided', resolution: { by: 'push' } });
  });

  it('a void with its reason left out still says who voided it', async () => {
    const f = setupInbound();
    const id = await f.paid('O-1');
    f.router.onConnectionEvent({ type: 'frame', frame: voided(id) });
    expect(f.ledger.get(id)).toMatchObject({ state: 'voided', voidReason: 'Voided by the gateway' });
  });

  it("another till's void is logged and raises no alert here", async () => {
    const f = setupInbound();
    const id = await f.paid('O-1');
    f.router.onConnectionEvent({ type: 'frame', frame: voided('TXN-20240115-001', VENDOR_VOID_REASON) });
    expect(f.logged('frame.foreign_void')).toEqual([{ level: 'info', event: 'frame.foreign_void', transactionId: 'TXN-20240115-001' }]);
    expect(f.stateOf(id)).toBe('approved');
    expect(f.ledger.alerts()).toEqual([]);
  });

  it('frames the router does not handle (pong, forceDisconnect: the connection does) change no payment and no screen', async () => {
    const f = setupInbound();
    const id = await f.started();
    const before = f.emitted.length;
    f.router.onConnectionEvent({ type: 'frame', frame: { action: 'pong' } });
    f.router.onConnectionEvent({ type: 'frame', frame: { action: 'forceDisconnect', reason: 'Replaced by a new connection' } });
    expect(f.emitted.length).toBe(before);
    expect(f.stateOf(id)).toBe('sent');
  });
});
