import { msg } from '../../../shared/i18n/message';
import { describe, expect, it } from 'vitest';
import { transition } from './transitions';
import type { LedgerEvent, PaymentRecord } from './types';

const base: PaymentRecord = {
  transactionId: 'tx-1',
  orderRef: 'O-1',
  terminalId: 'TERM-001',
  amountMinor: 9999,
  currency: 'USD',
  paymentMethod: 'CARD',
  state: 'sent',
  createdAt: 0,
  updatedAt: 0,
  deadlineAt: 105_000,
  pendingSeen: false,
  hasReceipt: false,
};

function play(events: LedgerEvent[], from: PaymentRecord = base) {
  let r = from;
  const alerts: number[] = [];
  events.forEach((e, i) => {
    const t = transition(r, e, i + 1);
    if (t.raiseVoidAlert) alerts.push(i);
    r = t.next;
  });
  return { r, alerts };
}

const result = (status: 'SUCCESS' | 'FAILED' | 'PENDING' | 'CANCELLED', extra: Record<string, string> = {}): LedgerEvent => ({
  type: 'result',
  via: 'push',
  response: { transactionId: 'tx-1', status, ...extra },
});

describe('POS payment machine (§9.3)', () => {
  it('an error frame that may not be ours makes the outcome unknown, never "not charged"; a later result settles it', () => {
    const { r } = play([{ type: 'ambiguousError', message: 'Terminal connection not found' }]);
    expect(r.state).toBe('unknown');
    expect(r.detail).toMatch(/not clear whether this one reached the terminal/);
    expect(play([{ type: 'ambiguousError', message: 'x' }, result('SUCCESS')]).r.state).toBe('approved');
    // Once the outcome is known an ambiguous error changes nothing.
    expect(play([{ type: 'delivered' }, result('FAILED'), { type: 'ambiguousError', message: 'x' }]).r.state).toBe('declined');
  });

  it('approval keeps the authorization and the receipt', () => {
    const { r } = play([{ type: 'delivered' }, result('SUCCESS', { authorizationCode: 'AUTH1', receiptData: 'RECEIPT' })]);
    expect(r.state).toBe('approved');
    expect(r.authorizationCode).toBe('AUTH1');
    expect(r.hasReceipt).toBe(true);
    expect(r.response?.receiptData).toBe('RECEIPT');
  });

  it('an error frame within the window means rejected; after delivery it is ignored', () => {
    expect(play([{ type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'Not Found' }) }]).r.state).toBe('rejected');
    expect(play([{ type: 'delivered' }, { type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'late' }) }]).r.state).toBe(
      'awaiting_result',
    );
  });

  it('a refusal that comes just after the terminal dropped still means rejected (money-truth rule 5)', () => {
    expect(
      play([
        { type: 'terminal', status: 'reconnecting' },
        { type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'Not Found' }) },
      ]).r.state,
    ).toBe('rejected');
    // A final state stays final: a disconnected push had already made it "not paid".
    expect(
      play([
        { type: 'terminal', status: 'disconnected' },
        { type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'Not Found' }) },
      ]).r.state,
    ).toBe('abandoned');
  });

  it('PENDING is not final', () => {
    const { r } = play([{ type: 'delivered' }, result('PENDING'), result('PENDING')]);
    expect(r.state).toBe('awaiting_result');
    expect(r.pendingSeen).toBe(true);
  });

  it('duplicate results are no-ops and a conflicting later result does not regress approval', () => {
    const a = play([result('SUCCESS')]).r;
    const again = transition(a, result('SUCCESS'), 99);
    expect(again.changed).toBe(false);
    expect(transition(a, result('FAILED'), 99).next.state).toBe('approved');
  });

  it('terminal grace: reconnecting → connected → result; disconnected → abandoned', () => {
    expect(play([{ type: 'delivered' }, { type: 'terminal', status: 'reconnecting' }]).r.state).toBe('terminal_reconnecting');
    expect(
      play([{ type: 'delivered' }, { type: 'terminal', status: 'reconnecting' }, { type: 'terminal', status: 'connected' }, result('FAILED')]).r.state,
    ).toBe('declined');
    expect(play([{ type: 'delivered' }, { type: 'terminal', status: 'reconnecting' }, { type: 'terminal', status: 'disconnected' }]).r.state).toBe('abandoned');
  });

  it('a terminal that comes back after its payment was abandoned does not reopen it (found by the test audit)', () => {
    const abandoned = play([{ type: 'delivered' }, { type: 'terminal', status: 'reconnecting' }, { type: 'terminal', status: 'disconnected' }]).r;
    expect(abandoned.state).toBe('abandoned');
    for (const status of ['connected', 'reconnecting', 'disconnected'] as const) {
      const t = transition(abandoned, { type: 'terminal', status }, 99);
      expect(t.next.state, `terminal ${status}`).toBe('abandoned');
      expect(t.changed).toBe(false);
    }
  });

  it('no final state is reopened by the terminal coming and going', () => {
    for (const state of ['approved', 'declined', 'cancelled', 'rejected', 'abandoned', 'voided', 'needs_review'] as const) {
      const { r } = play([{ type: 'terminal', status: 'reconnecting' }, { type: 'terminal', status: 'connected' }, { type: 'delivered' }], { ...base, state });
      expect(r.state).toBe(state);
    }
  });

  it('a result after the app gave up goes to needs review with the facts', () => {
    const { r } = play([{ type: 'delivered' }, { type: 'terminal', status: 'disconnected' }, result('SUCCESS', { authorizationCode: 'AUTH9' })]);
    expect(r.state).toBe('needs_review');
    expect(r.detail).toContain('AUTH9');
    expect(r.detail).toContain('abandoned');
  });

  it('the local deadline and a lost link move to unknown; a late push or the lookup settles it', () => {
    const late = play([{ type: 'delivered' }, { type: 'deadline' }, result('SUCCESS')]).r;
    expect(late.state).toBe('approved');
    expect(late.resolution?.by).toBe('push');
    const lookedUp = play([{ type: 'linkLost' }, { type: 'result', via: 'lookup', response: { transactionId: 'tx-1', status: 'CANCELLED' } }]).r;
    expect(lookedUp.state).toBe('cancelled');
    expect(lookedUp.resolution?.by).toBe('lookup');
    expect(play([{ type: 'linkLost' }, { type: 'stillRunning', status: 'PENDING' }]).r.state).toBe('awaiting_result');
    expect(play([{ type: 'linkLost' }, { type: 'notFound' }]).r.state).toBe('rejected');
  });

  it('a void marks voided from any state and raises exactly one alert', () => {
    const { r, alerts } = play([result('SUCCESS'), { type: 'voided', reason: 'late', via: 'push' }, { type: 'voided', reason: 'late', via: 'push' }]);
    expect(r.state).toBe('voided');
    expect(r.voidReason).toBe('late');
    expect(alerts).toHaveLength(1);
    expect(play([{ type: 'voided', reason: 'x', via: 'push' }, result('SUCCESS')]).r.state).toBe('voided');
  });

  it('the cashier settles only an unknown outcome (or a review), with the reason kept', () => {
    const { r } = play([{ type: 'deadline' }, { type: 'cashier', outcome: 'declined', reason: 'terminal shows DECLINED' }]);
    expect(r.state).toBe('declined');
    expect(r.resolution).toEqual({ by: 'cashier', reason: 'terminal shows DECLINED', at: 2 });
    expect(play([result('SUCCESS'), { type: 'cashier', outcome: 'declined', reason: 'nope' }]).r.state).toBe('approved');
  });

  it('an unknown outcome never claims a check is running: that is only true while a lookup runs (till: one countdown)', () => {
    const events: LedgerEvent[] = [{ type: 'linkLost' }, { type: 'restarted' }, { type: 'ambiguousError', message: 'Not Found' }];
    for (const e of events) expect(play([e]).r.detail).not.toMatch(/checking/i);
  });

  it('stop waiting: an open payment becomes abandoned by the cashier; a later approval needs review (till: an honest Cancel)', () => {
    const stopped = play([{ type: 'delivered' }, { type: 'stopWaiting' }]).r;
    expect(stopped).toMatchObject({ state: 'abandoned', resolution: { by: 'cashier' } });
    expect(play([{ type: 'stopWaiting' }, result('SUCCESS')]).r.state).toBe('needs_review');
    expect(play([result('FAILED'), { type: 'stopWaiting' }]).r.state).toBe('declined');
  });
});
