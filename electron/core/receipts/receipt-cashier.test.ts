import { describe, expect, it } from 'vitest';
import { approvedPayment, testSettings } from '../testing/receipt-fixtures';
import { buildPaymentReceipt } from './receipt-model';

/** People: the receipt names the cashier who took the payment, as the setting says. */
describe("the cashier's name on the receipt", () => {
  const details = approvedPayment({ view: { cashier: { id: 'p1', name: 'Carl Anders Cashier' } } });
  const cashierLine = (receiptCashierName: 'full' | 'first' | 'none') =>
    buildPaymentReceipt(details, testSettings({}, { receiptCashierName }), 'receipt', false, 0).fields.find((f) => f.label === 'Cashier')?.value;

  it('full name, first name, or none', () => {
    expect(cashierLine('full')).toBe('Carl Anders Cashier');
    expect(cashierLine('first')).toBe('Carl');
    expect(cashierLine('none')).toBeUndefined();
  });

  it('no cashier line when nobody was signed in (roles off)', () => {
    const fields = buildPaymentReceipt(approvedPayment(), testSettings({}, { receiptCashierName: 'full' }), 'receipt', false, 0).fields;
    expect(fields.map((f) => f.label)).not.toContain('Cashier');
  });
});
