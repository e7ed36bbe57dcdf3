import type { StateCreator } from 'zustand';
import type { PaymentView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/** Today's payments plus every unresolved one, oldest first (as the snapshot gives them). */
export interface PaymentsSlice {
  paymentIds: string[];
  paymentsById: Record<string, PaymentView>;
}

export const createPaymentsSlice: StateCreator<PosState, [], [], PaymentsSlice> = () => ({
  paymentIds: [],
  paymentsById: {},
});

function paymentsFromList(list: PaymentView[]): PaymentsSlice {
  const paymentsById: Record<string, PaymentView> = {};
  for (const payment of list) paymentsById[payment.transactionId] = payment;
  return { paymentIds: Object.keys(paymentsById), paymentsById };
}

function upsertPayment(state: PaymentsSlice, payment: PaymentView): PaymentsSlice {
  const known = payment.transactionId in state.paymentsById;
  return {
    paymentIds: known ? state.paymentIds : [...state.paymentIds, payment.transactionId],
    paymentsById: { ...state.paymentsById, [payment.transactionId]: payment },
  };
}

export const paymentsProjection: Projection<PaymentsSlice> = {
  fromSnapshot: (snapshot) => paymentsFromList(snapshot.payments),
  onEvent: (state, event) => (event.type === 'payment' ? upsertPayment(state, event.payment) : undefined),
};
