import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/ipc';
import { byCashier, cashiersOf, NO_CASHIER } from './cashier-filter';

const payment = (id: string, cashier?: string): PaymentView => ({
  transactionId: id,
  orderRef: id,
  terminalId: 'T1',
  amountMinor: 100,
  currency: 'EUR',
  paymentMethod: 'CARD',
  state: 'approved',
  createdAt: 0,
  updatedAt: 0,
  pendingSeen: false,
  hasReceipt: true,
  ...(cashier ? { cashier: { id: cashier.toLowerCase(), name: cashier } } : {}),
});

describe('History by cashier', () => {
  const payments = [payment('a', 'Carl'), payment('b', 'Ann'), payment('c'), payment('d', 'Carl')];
  it('lists the cashiers of the day, then "No cashier" for attempts taken with roles off', () => {
    expect(cashiersOf(payments)).toEqual(['Ann', 'Carl', NO_CASHIER]);
  });
  it('filters to one cashier, to none, or keeps all', () => {
    expect(byCashier(payments, 'Carl').map((p) => p.transactionId)).toEqual(['a', 'd']);
    expect(byCashier(payments, NO_CASHIER).map((p) => p.transactionId)).toEqual(['c']);
    expect(byCashier(payments, '')).toHaveLength(4);
  });
});
