import { describe, expect, it } from 'vitest';
import type { PaymentState } from '../../../shared/ipc';
import { msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import { paymentView } from '../testing/payment-view';
import { mayStillBeRefused, transition } from './transitions';
import type { LedgerEvent, PaymentRecord } from './types';

/**
 * The payment machine state by state (transitions.test.ts tells its stories): for each event,
 * which state follows from which, the words the cashier then reads (detail), what the audit log
 * is told (note), and who is recorded as having settled an unknown outcome.
 */
const NOW = 50_000;
/** A payment of $99.99 on TERM-001, started at 0 with the 105 s deadline, in `state`. */
const at = (state: PaymentState, more: Partial<PaymentRecord> = {}): PaymentRecord =>
  paymentView({ transactionId: 'tx-1', currency: 'USD', amountMinor: 9999, state, createdAt: 0, deadlineAt: 105_000, hasReceipt: false, ...more });
const result = (status: 'SUCCESS' | 'FAILED' | 'PENDING' | 'CANCELLED', extra: Record<string, string> = {}): LedgerEvent => ({
  type: 'result',
  via: 'lookup',
  response: { transactionId: 'tx-1', status, ...extra },
});
const step = (state: PaymentState, event: LedgerEvent, more: Partial<PaymentRecord> = {}) => transition(at(state, more), event, NOW);

const WAITING: PaymentState[] = ['sent', 'awaiting_result', 'terminal_reconnecting'];
const NOT_WAITING: PaymentState[] = ['unknown', 'approved', 'declined', 'rejected', 'abandoned', 'voided', 'needs_review'];
const NO_RESULT_IN_TIME = 'No result from the terminal in time. Check the terminal screen before taking the payment again.';

describe('what a waiting payment becomes', () => {
  it.each([
    [{ type: 'deadline' } as const, NO_RESULT_IN_TIME],
    [{ type: 'linkLost' } as const, 'The connection to the gateway dropped during the payment.'],
    [{ type: 'restarted' } as const, 'The app restarted during the payment.'],
    [{ type: 'terminal', status: 'disconnected' } as const, 'The terminal went offline during the payment; this attempt did not charge the customer.'],
    [{ type: 'stopWaiting' } as const, 'The cashier stopped waiting for the terminal.'],
  ])('on %o, from each waiting state, with these words; other states stay', (event, detail) => {
    for (const s of WAITING) {
      const t = step(s, event);
      expect({ s, changed: t.changed, state: t.next.state, detail: t.next.detail, updatedAt: t.next.updatedAt }).toEqual({
        s,
        changed: true,
        state: event.type === 'terminal' || event.type === 'stopWaiting' ? 'abandoned' : 'unknown',
        detail,
        updatedAt: NOW,
      });
    }
    for (const s of NOT_WAITING) expect({ s, changed: step(s, event).changed }).toEqual({ s, changed: false });
  });

  it('stopping the wait records the cashier as settling it, and is refused (noted) once it is not waiting', () => {
    expect(step('sent', { type: 'stopWaiting' }).next.resolution).toEqual({
      by: 'cashier',
      reason: 'Stopped waiting for the terminal',
      reasonMsg: { key: 'core.payment.stopped_waiting_reason' },
      at: NOW,
    });
    expect(step('unknown', { type: 'stopWaiting' }).note).toBe('stop waiting refused in state unknown');
  });

  it("an error frame rejects a payment not yet accepted, in the gateway's words; later it is only noted", () => {
    for (const s of ['sent', 'terminal_reconnecting'] as const)
      expect(step(s, { type: 'rejected', why: msg('core.payment.refused_by_gateway', { message: 'Terminal not found' }) }).next).toMatchObject({
        state: 'rejected',
        detail: 'The gateway refused the payment: Terminal not found. The customer was not charged.',
        detailMsg: { key: 'core.payment.refused_by_gateway', values: { message: 'Terminal not found' } },
      });
    expect(step('awaiting_result', { type: 'rejected', why: msg('core.payment.refused_busy') })).toMatchObject({
      changed: false,
      note: 'error frame ignored in state awaiting_result',
    });
    expect(mayStillBeRefused('sent') && mayStillBeRefused('terminal_reconnecting') && mayStillBeRefused('abandoned')).toBe(true);
    expect(mayStillBeRefused('awaiting_result') || mayStillBeRefused('unknown')).toBe(false);
  });

  it("an ambiguous error makes sent and accepted payments unknown, quoting the gateway; a reconnecting terminal's stays", () => {
    for (const s of ['sent', 'awaiting_result'] as const) {
      expect(step(s, { type: 'ambiguousError', message: 'Busy' }).next).toMatchObject({
        state: 'unknown',
        detail: 'The gateway answered "Busy" while more than one payment was starting, so it is not clear whether this one reached the terminal.',
      });
    }
    expect(step('terminal_reconnecting', { type: 'ambiguousError', message: 'Busy' }).changed).toBe(false);
  });

  it('the terminal: reconnecting is waited for, coming back resumes, and a finished payment ignores both', () => {
    for (const s of ['sent', 'awaiting_result'] as const) {
      expect(step(s, { type: 'terminal', status: 'reconnecting' }).next).toMatchObject({
        state: 'terminal_reconnecting',
        detail: 'The terminal lost its connection; waiting for it to come back.',
      });
    }
    const back = step('terminal_reconnecting', { type: 'terminal', status: 'connected' }, { detail: 'waiting' });
    expect(back.next.state).toBe('awaiting_result');
    expect(back.next.detail).toBeUndefined();
    expect(step('terminal_reconnecting', { type: 'terminal', status: 'reconnecting' }).changed).toBe(false);
    expect(step('awaiting_result', { type: 'terminal', status: 'connected' }).changed).toBe(false);
    expect(step('unknown', { type: 'terminal', status: 'reconnecting' }).changed).toBe(false);
  });
});

describe('an unknown outcome', () => {
  it('a lookup that says "still running" resumes the wait before the deadline, not at it', () => {
    const resumed = step('unknown', { type: 'stillRunning', status: 'PENDING' }, { detail: 'Check the terminal' });
    expect(resumed.next.state).toBe('awaiting_result');
    expect(resumed.next.detail).toBeUndefined();
    expect(step('unknown', { type: 'stillRunning', status: 'PENDING' }, { deadlineAt: NOW }).changed).toBe(false);
    expect(step('unknown', { type: 'stillRunning', status: 'PENDING' }, { deadlineAt: undefined }).next.state).toBe('awaiting_result');
    expect(step('sent', { type: 'stillRunning', status: 'PENDING' }).changed).toBe(false);
  });

  it('"not found" means not charged, settled by the lookup; an accepted payment is not touched', () => {
    const detail = 'The gateway has no record of this payment, so the customer was not charged.';
    expect(step('unknown', { type: 'notFound' }).next).toMatchObject({ state: 'rejected', detail, resolution: { by: 'lookup', at: NOW } });
    const sent = step('sent', { type: 'notFound' }).next;
    expect(sent).toMatchObject({ state: 'rejected', detail });
    expect(sent.resolution).toBeUndefined();
    expect(step('awaiting_result', { type: 'notFound' }).changed).toBe(false);
  });

  it('"ask the cashier" changes the words only when they are new, and only for an unknown outcome', () => {
    const check = msg('core.payment.check_terminal');
    expect(step('unknown', { type: 'needsCashier', why: check }).next).toMatchObject({ detail: english(check), detailMsg: check });
    expect(step('unknown', { type: 'needsCashier', why: check }, { detail: english(check), detailMsg: check }).changed).toBe(false);
    const failed = msg('core.payment.lookup_failed_check_terminal', { problem: 'Lookup failed: HTTP 502.' });
    expect(step('unknown', { type: 'needsCashier', why: failed }, { detail: english(check), detailMsg: check }).next.detailMsg).toEqual(failed);
    expect(step('sent', { type: 'needsCashier', why: check }).changed).toBe(false);
  });

  it('a result records who settled it, without a reason; a payment that was never unknown gets no resolution', () => {
    expect(step('unknown', result('SUCCESS')).next.resolution).toEqual({ by: 'lookup', at: NOW });
    expect(step('awaiting_result', result('SUCCESS')).next.resolution).toBeUndefined();
    expect(step('unknown', { type: 'voided', reason: 'r', via: 'push' }).next.resolution).toEqual({ by: 'push', at: NOW });
  });

  it('the cashier settles it (or a review) in their words; anything else is refused and noted', () => {
    const settled = step('needs_review', { type: 'cashier', outcome: 'cancelled', reason: 'customer left' });
    expect(settled.next).toMatchObject({
      state: 'cancelled',
      detail: 'Settled by the cashier: customer left',
      resolution: { by: 'cashier', reason: 'customer left', at: NOW },
    });
    expect(step('approved', { type: 'cashier', outcome: 'declined', reason: 'oops' })).toMatchObject({
      changed: false,
      note: 'cashier resolution refused in state approved',
    });
  });
});

describe('results', () => {
  it('PENDING: the first one is remembered, a repeat or one after the end changes nothing', () => {
    expect(step('sent', result('PENDING')).next).toMatchObject({ state: 'awaiting_result', pendingSeen: true });
    expect(step('terminal_reconnecting', result('PENDING')).next).toMatchObject({ state: 'terminal_reconnecting', pendingSeen: true });
    expect(step('awaiting_result', result('PENDING'), { pendingSeen: true }).changed).toBe(false);
    expect(step('declined', result('PENDING')).changed).toBe(false);
  });

  it('the facts: a receipt that arrived earlier is kept, error code and message are recorded', () => {
    const earlier = { response: { transactionId: 'tx-1', status: 'PENDING' as const, receiptData: 'R-1' } };
    const t = step('awaiting_result', result('FAILED', { errorCode: 'E51', errorMessage: 'Insufficient funds' }), earlier);
    expect(t.next).toMatchObject({
      state: 'declined',
      errorCode: 'E51',
      errorMessage: 'Insufficient funds',
      hasReceipt: true,
      response: { status: 'FAILED', receiptData: 'R-1' },
    });
    expect(step('sent', result('CANCELLED')).next).toMatchObject({ state: 'cancelled', hasReceipt: false });
    expect(Object.keys(step('sent', result('CANCELLED')).next)).not.toEqual(expect.arrayContaining(['errorCode']));
  });

  it('a late approval after "not charged" goes to review, with the authorization when there is one', () => {
    const withAuth = step('abandoned', result('SUCCESS', { authorizationCode: 'A1' }));
    expect(withAuth).toMatchObject({
      note: 'late SUCCESS after abandoned',
      next: {
        state: 'needs_review',
        detail:
          'The terminal reported an APPROVAL after this payment was marked abandoned (authorization A1). Check whether the customer was charged before taking the payment again.',
      },
    });
    expect(step('rejected', result('SUCCESS')).next.detail).toBe(
      'The terminal reported an APPROVAL after this payment was marked rejected. Check whether the customer was charged before taking the payment again.',
    );
  });

  it('a repeat of the final result is silent; a contradicting one is noted and ignored', () => {
    for (const [s, status] of [
      ['approved', 'SUCCESS'],
      ['declined', 'FAILED'],
      ['cancelled', 'CANCELLED'],
    ] as const) {
      expect(step(s, result(status))).toEqual({ next: at(s), changed: false, raiseVoidAlert: false });
    }
    expect(step('approved', result('FAILED'))).toMatchObject({ changed: false, note: 'result FAILED ignored in final state approved' });
    expect(step('voided', result('SUCCESS'))).toMatchObject({ changed: false, note: 'result SUCCESS ignored in final state voided' });
  });
});
