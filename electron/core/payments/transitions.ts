import { FINAL_PAYMENT_STATES, OPEN_PAYMENT_STATES, type PaymentState } from '../../../shared/ipc';
import type { PaymentResponse } from '../../../shared/protocol';
import { msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import { detailFrom, detailOf, NO_DETAIL, sameMsg } from './codes';
import type { LedgerEvent, PaymentRecord, Transition } from './types';

/**
 * The POS-side payment machine of §9.3 as one pure function. Properties the ledger relies on
 * (and the fast-check tests prove): a final state never becomes open again; the only ways out of
 * a final state are `voided` (the gateway's word) and `needs_review` (a later fact contradicts a
 * "not charged" conclusion); `approved` changes only to `voided`; duplicates are no-ops.
 */
export function isOpen(state: PaymentState): boolean {
  return OPEN_PAYMENT_STATES.includes(state);
}

export function isFinal(state: PaymentState): boolean {
  return FINAL_PAYMENT_STATES.includes(state);
}

/**
 * States a payment can be in before the gateway has shown in any way that it accepted it (no
 * PENDING, no result, error window not over): an error frame may still be its refusal (§10.1,
 * money-truth rule 5). A terminal can drop the instant Pay is pressed, so its "reconnecting" or
 * "disconnected" push may come before the gateway's "Terminal connection not found".
 */
const REFUSABLE: readonly PaymentState[] = ['sent', 'terminal_reconnecting', 'abandoned'];

export function mayStillBeRefused(state: PaymentState): boolean {
  return REFUSABLE.includes(state);
}

/** Final states in which the app concluded the customer was NOT charged. */
const STOPPED_WAITING = msg('core.payment.stopped_waiting_reason');

const NOT_CHARGED: readonly PaymentState[] = ['declined', 'cancelled', 'rejected', 'abandoned'];

const same = (record: PaymentRecord, note?: string): Transition => ({ next: record, changed: false, raiseVoidAlert: false, ...(note ? { note } : {}) });

export function transition(record: PaymentRecord, event: LedgerEvent, now: number): Transition {
  const s = record.state;
  const move = (state: PaymentState, patch: Partial<PaymentRecord> = {}, note?: string): Transition => ({
    next: { ...record, ...patch, state, updatedAt: now },
    changed: true,
    raiseVoidAlert: false,
    ...(note ? { note } : {}),
  });
  // Leaving `unknown` records who settled it (rule 7).
  const settledBy = (by: 'push' | 'lookup' | 'cashier', reason?: string): Partial<PaymentRecord> =>
    s === 'unknown' ? { resolution: { by, at: now, ...(reason ? { reason } : {}) } } : {};

  switch (event.type) {
    case 'delivered':
      return s === 'sent' ? move('awaiting_result') : same(record);

    case 'rejected':
      // Only the error attributor sends this, and only while the payment is inside its error
      // window and not yet accepted (it leaves the window on awaiting_result): so a reconnecting
      // terminal here is one that dropped right after the frame went out. Abandoned is final.
      return s === 'sent' || s === 'terminal_reconnecting' ? move('rejected', detailFrom(event.why)) : same(record, `error frame ignored in state ${s}`);

    case 'result':
      return onResult(record, event.response, event.via, now, move, settledBy);

    case 'voided':
      if (s === 'voided') return same(record);
      return {
        next: { ...record, state: 'voided', voidReason: event.reason, updatedAt: now, ...settledBy(event.via) },
        changed: true,
        raiseVoidAlert: true,
      };

    case 'terminal':
      return onTerminal(record, event.status, move);

    case 'deadline':
      if (s === 'sent' || s === 'awaiting_result' || s === 'terminal_reconnecting') {
        return move('unknown', detailOf('core.payment.unknown_timeout'));
      }
      return same(record);

    // The details say what happened, never "checking": a lookup may not run (no secret, link down).
    case 'linkLost':
    case 'restarted':
      if (s === 'sent' || s === 'awaiting_result' || s === 'terminal_reconnecting') {
        return move('unknown', detailOf(event.type === 'linkLost' ? 'core.payment.unknown_link_lost' : 'core.payment.unknown_restarted'));
      }
      return same(record);

    case 'ambiguousError':
      if (s === 'sent' || s === 'awaiting_result') {
        // The gateway's own words go in as they are, inside our sentence.
        return move('unknown', detailOf('core.payment.unknown_ambiguous', { message: event.message }));
      }
      return same(record);

    case 'stillRunning':
      if (s === 'unknown' && (record.deadlineAt === undefined || now < record.deadlineAt)) {
        return move('awaiting_result', NO_DETAIL);
      }
      return same(record);

    case 'notFound':
      if (s === 'unknown' || s === 'sent') {
        return move('rejected', { ...detailOf('core.payment.no_record'), ...settledBy('lookup') });
      }
      return same(record);

    case 'needsCashier':
      if (s !== 'unknown' || sameMsg(record.detailMsg, event.why)) return same(record);
      return move('unknown', detailFrom(event.why));

    case 'stopWaiting':
      if (s !== 'sent' && s !== 'awaiting_result' && s !== 'terminal_reconnecting') return same(record, `stop waiting refused in state ${s}`);
      // Not paid as far as this till knows; a later approval moves it to needs_review (onResult).
      return move('abandoned', {
        resolution: { by: 'cashier', reason: english(STOPPED_WAITING), reasonMsg: STOPPED_WAITING, at: now },
        ...detailOf('core.payment.stopped_waiting'),
      });

    case 'cashier':
      if (s !== 'unknown' && s !== 'needs_review') return same(record, `cashier resolution refused in state ${s}`);
      return move(event.outcome, {
        resolution: {
          by: 'cashier',
          reason: event.reason,
          at: now,
          ...(event.cashier ? { cashier: event.cashier } : {}),
          ...(event.approvedBy ? { approvedBy: event.approvedBy } : {}),
        },
        ...detailOf('core.payment.settled_by_cashier', { reason: event.reason }),
      });
  }
}

function onResult(
  record: PaymentRecord,
  response: PaymentResponse,
  via: 'push' | 'lookup',
  now: number,
  move: (state: PaymentState, patch?: Partial<PaymentRecord>, note?: string) => Transition,
  settledBy: (by: 'push' | 'lookup' | 'cashier') => Partial<PaymentRecord>,
): Transition {
  const s = record.state;
  const facts: Partial<PaymentRecord> = {
    response: response.receiptData || !record.response?.receiptData ? response : { ...response, receiptData: record.response.receiptData },
    hasReceipt: Boolean(response.receiptData ?? record.response?.receiptData),
    ...(response.authorizationCode ? { authorizationCode: response.authorizationCode } : {}),
    ...(response.errorCode ? { errorCode: response.errorCode } : {}),
    ...(response.errorMessage ? { errorMessage: response.errorMessage } : {}),
  };
  if (response.status === 'PENDING') {
    // OQ-24: not final. The POS timer keeps running.
    if (!isOpen(s)) return same(record);
    if (s === 'sent') return move('awaiting_result', { pendingSeen: true });
    return record.pendingSeen ? same(record) : move(s, { pendingSeen: true });
  }
  if (isOpen(s)) {
    const target: PaymentState = response.status === 'SUCCESS' ? 'approved' : response.status === 'FAILED' ? 'declined' : 'cancelled';
    return move(target, { ...facts, ...settledBy(via), ...NO_DETAIL });
  }
  if (response.status === 'SUCCESS' && NOT_CHARGED.includes(s)) {
    return move(
      'needs_review',
      {
        ...facts,
        ...(response.authorizationCode
          ? detailOf('core.payment.late_approval_auth', { state: s, authorization: response.authorizationCode })
          : detailOf('core.payment.late_approval', { state: s })),
      },
      `late SUCCESS after ${s}`,
    );
  }
  const expected = { approved: 'SUCCESS', declined: 'FAILED', cancelled: 'CANCELLED' } as Record<string, string>;
  if (expected[s] === response.status) return same(record);
  return same(record, `result ${response.status} ignored in final state ${s}`);
}

type Move = (state: PaymentState, patch?: Partial<PaymentRecord>, note?: string) => Transition;

/** The payment's terminal lost, regained or gave up its connection (§9.3). */
function onTerminal(record: PaymentRecord, status: Extract<LedgerEvent, { type: 'terminal' }>['status'], move: Move): Transition {
  const s = record.state;
  if (status === 'reconnecting' && (s === 'sent' || s === 'awaiting_result')) {
    return move('terminal_reconnecting', detailOf('core.payment.terminal_reconnecting'));
  }
  if (status === 'connected' && s === 'terminal_reconnecting') return move('awaiting_result', NO_DETAIL);
  if (status === 'disconnected' && (s === 'sent' || s === 'awaiting_result' || s === 'terminal_reconnecting')) {
    // Says what happened to THIS attempt; whether the order is paid is the order's standing.
    return move('abandoned', detailOf('core.payment.terminal_went_offline'));
  }
  return same(record);
}
