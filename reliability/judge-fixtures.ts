import type { PaymentState, PaymentView, VoidAlert } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';

/** What the judges' unit tests share: a payment as the app shows it, the gateway's record of it, its void alert (1.00 USD by card on T1). */

export function paymentView(transactionId: string, state: PaymentState, patch: Partial<PaymentView> = {}): PaymentView {
  return {
    transactionId,
    orderRef: `O-${transactionId}`,
    terminalId: 'T1',
    amountMinor: 100,
    currency: 'USD',
    paymentMethod: 'CARD',
    state,
    createdAt: 1,
    updatedAt: 1,
    pendingSeen: false,
    hasReceipt: false,
    ...patch,
  };
}

export function simTransaction(transactionId: string, status: SimTransaction['status'], patch: Partial<SimTransaction> = {}): SimTransaction {
  return {
    transactionId,
    terminalId: 'T1',
    posApiKey: 'k',
    amount: '1.00',
    currency: 'USD',
    paymentMethod: 'CARD',
    status,
    createdAt: '',
    updatedAt: '',
    ...patch,
  };
}

export function voidAlert(transactionId: string, patch: Partial<VoidAlert> = {}): VoidAlert {
  return {
    id: `void-${transactionId}`,
    transactionId,
    terminalId: 'T1',
    orderRef: `O-${transactionId}`,
    amountMinor: 100,
    currency: 'USD',
    reason: 'late',
    at: 1,
    ...patch,
  };
}
