import type { PaymentView } from '../../../shared/ipc';

/**
 * A hand-built payment as the journal and the ledger hold it (a PaymentRecord is a PaymentView
 * plus the gateway's response): an approved EUR card payment unless told otherwise. Extra fields
 * other branches add to payments (`cashier`, `resolution.approvedBy`) may be passed as they are.
 */
export function paymentView(over: Partial<PaymentView> & Record<string, unknown> = {}): PaymentView {
  const at = typeof over.createdAt === 'number' ? over.createdAt : Date.UTC(2026, 0, 15, 9, 0, 0);
  return {
    transactionId: 'tx-1',
    orderRef: 'O-1',
    terminalId: 'TERM-001',
    amountMinor: 1000,
    currency: 'EUR',
    paymentMethod: 'CARD',
    state: 'approved',
    createdAt: at,
    updatedAt: at,
    pendingSeen: false,
    hasReceipt: true,
    ...over,
  } as PaymentView;
}
