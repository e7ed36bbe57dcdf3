import { describe, expect, it } from 'vitest';
import { buildPaymentReceipt, NO_TERMINAL_TEXT } from '../receipts/receipt-model';
import { renderReceiptText } from '../receipts/receipt-text';
import { approvedPayment, testSettings } from '../testing/receipt-fixtures';
import { CASH_DRAWER_ID } from './cash-sales';

/** A cash receipt is Checkstand's own (till: cash tender): amount, tendered, change, and no claim about a terminal. */
describe('the cash receipt', () => {
  it('shows tendered and change, no terminal line, and says it was paid in cash at the till', () => {
    const details = approvedPayment({
      view: {
        transactionId: 'cash-0190f3c2',
        terminalId: CASH_DRAWER_ID,
        paymentMethod: 'CASH',
        amountMinor: 2450,
        cash: { tenderedMinor: 5000, changeMinor: 2550 },
      },
    });
    delete details.response;
    const text = renderReceiptText(buildPaymentReceipt(details, testSettings(), 'receipt', false, Date.now()), 48);
    expect(text).toMatch(/Method\s+CASH/);
    expect(text).toMatch(/Amount\s+\$24\.50/);
    expect(text).toMatch(/Tendered\s+\$50\.00/);
    expect(text).toMatch(/Change\s+\$25\.50/);
    expect(text).not.toMatch(/Terminal\s/);
    expect(text).toContain('Paid in cash. No card terminal was used.');
    expect(text).not.toContain(NO_TERMINAL_TEXT);
  });
});
