import type { Msg } from '../../../shared/i18n/message';
import type { PaymentView, VoidAlert, Who } from '../../../shared/ipc';
import type { GatewayTransactionStatus, PaymentResponse } from '../../../shared/protocol';

/** What the ledger keeps per payment: the view plus the gateway's full response (receiptData). */
export interface PaymentRecord extends PaymentView {
  response?: PaymentResponse;
}

/** Everything that can happen to a payment after it was sent (§9.3). */
export type LedgerEvent =
  /** No error frame within the attribution window (OQ-4). */
  | { type: 'delivered' }
  /** An error frame attributed to this payment (§10.1). */
  | { type: 'rejected'; why: Msg }
  | { type: 'result'; response: PaymentResponse; via: 'push' | 'lookup' }
  | { type: 'voided'; reason: string; via: 'push' | 'lookup' }
  | { type: 'terminal'; status: 'reconnecting' | 'connected' | 'disconnected' }
  | { type: 'deadline' }
  | { type: 'linkLost' }
  /** An error frame arrived that may or may not be this payment's (§10.1): verify, don't guess. */
  | { type: 'ambiguousError'; message: string }
  | { type: 'restarted' }
  /** The lookup says the gateway is still working on it. */
  | { type: 'stillRunning'; status: GatewayTransactionStatus }
  /** The lookup says the gateway never saw this transaction. */
  | { type: 'notFound' }
  /** No way to look it up (no API secret) or the lookup failed: the cashier must check the terminal. */
  | { type: 'needsCashier'; why: Msg }
  /** The cashier stopped waiting (till: an honest Cancel): nothing goes to the gateway, which has no cancel. */
  | { type: 'stopWaiting' }
  | { type: 'cashier'; outcome: 'approved' | 'declined' | 'cancelled' | 'abandoned'; reason: string; cashier?: Who; approvedBy?: Who };

export interface Transition {
  next: PaymentRecord;
  changed: boolean;
  /** True exactly once per transaction: on the move into `voided`. */
  raiseVoidAlert: boolean;
  /** For the audit log when something notable was ignored or flagged. */
  note?: string;
}

export type { VoidAlert };
