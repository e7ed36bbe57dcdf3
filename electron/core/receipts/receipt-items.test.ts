import { describe, expect, it } from 'vitest';
import type { BasketLine } from '../../../shared/basket';
import { approvedPayment, PROCESSOR_TEXT, testSettings } from '../testing/receipt-fixtures';
import { printedText } from '../testing/fake-escpos-printer';
import { encodeEscPos } from './escpos';
import { buildPaymentReceipt } from './receipt-model';
import { renderReceiptLines, renderReceiptText } from './receipt-text';
import { textWidth } from './text-width';

const NOW = new Date(2024, 0, 15, 11, 0, 0).getTime();
const LINES: BasketLine[] = [
  { id: 'CAF-1', name: 'Espresso beans 1 kg, dark roast from the hills of Sidamo', unitPriceMinor: 1890, quantity: 2, taxRate: 7 },
  { id: 'DRK-1', name: 'Cola 0.33 l', unitPriceMinor: 120, quantity: 3, taxRate: 19 },
  { id: 'free-1', name: 'Gift wrap', unitPriceMinor: 150, quantity: 1 },
];

function receiptFor(lines: BasketLine[] | undefined, kind: 'receipt' | 'void_slip' = 'receipt') {
  const details = approvedPayment({ view: { amountMinor: 4290, ...(lines ? { lines } : {}) }, response: { receiptData: PROCESSOR_TEXT } });
  return buildPaymentReceipt(details, testSettings(), kind, false, NOW);
}

describe('the itemised receipt', () => {
  it('lists each line (name, quantity × price, line total), the total and the tax per rate, then the terminal’s receiptData', () => {
    const text = renderReceiptText(receiptFor(LINES), 48);
    const lines = text.split('\n');
    const start = lines.indexOf('Espresso beans 1 kg, dark roast from the hills');
    expect(lines.slice(start, start + 12)).toEqual([
      'Espresso beans 1 kg, dark roast from the hills',
      'of Sidamo',
      '  2 x $18.90                              $37.80',
      'Cola 0.33 l',
      '  3 x $1.20                                $3.60',
      'Gift wrap',
      '  1 x $1.50                                $1.50',
      '------------------------------------------------',
      'TOTAL                                     $42.90',
      // 37.80 × 7/107 = 2.47; 3.60 × 19/119 = 0.57
      'incl. 7 % tax                              $2.47',
      'incl. 19 % tax                             $0.57',
      '================================================',
    ]);
    // Our part comes first; the processor's text follows, verbatim, as before.
    expect(text.indexOf('TOTAL ')).toBeLessThan(text.indexOf('MERCHANT ID        000123456789'));
  });

  it('fits 58 mm paper (32 columns), also through ESC/POS', () => {
    const receipt = receiptFor(LINES);
    const lines = renderReceiptLines(receipt, 32);
    for (const l of lines) expect(textWidth(l.text), l.text).toBeLessThanOrEqual(32);
    const printed = printedText(Buffer.from(encodeEscPos(lines, { columns: 32 })));
    expect(printed).toContain('  2 x $18.90              $37.80');
    expect(printed).toContain('incl. 19 % tax             $0.57');
  });

  it('an amount-only sale prints as before (no item block); a void slip lists no items', () => {
    expect(receiptFor(undefined).items).toBeUndefined();
    expect(renderReceiptText(receiptFor(undefined), 48)).not.toMatch(/^ {2}\d+ x /m);
    expect(receiptFor(LINES, 'void_slip').items).toBeUndefined();
  });
});
