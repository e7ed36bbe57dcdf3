import { basketTotalMinor, lineTotalMinor, taxByRate, type BasketLine } from '../../../shared/basket';
import { toWireAmount } from '../../../shared/money';
import { textWidth, wordWrap } from './text-width';

/** The sale's items on a slip (Checkstand's part, above the terminal's receiptData). */
export interface ReceiptItems {
  lines: { name: string; quantity: number; unitPrice: string; total: string }[];
  /** Tax included in the total, per rate, where the catalogue gave rates. */
  taxes: { label: string; amount: string }[];
  total: string;
}

/** "EUR 18.90": the ISO code and the currency's own decimals (as every amount on the slip). */
const amount = (minor: number, currency: string) => `${currency} ${toWireAmount(minor, currency)}`;

export function receiptItems(lines: readonly BasketLine[] | undefined, currency: string): ReceiptItems | undefined {
  if (!lines?.length) return undefined;
  return {
    lines: lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      unitPrice: amount(line.unitPriceMinor, currency),
      total: amount(lineTotalMinor(line), currency),
    })),
    taxes: taxByRate(lines).map((t) => ({ label: `incl. ${formatRate(t.ratePercent)} % tax`, amount: amount(t.taxMinor, currency) })),
    total: amount(basketTotalMinor(lines), currency),
  };
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(2).replace(/0+$/, '');
}

/** Left text and right-aligned value on one line, or the value on a line of its own when both do not fit. */
function leftRight(left: string, right: string, columns: number): string[] {
  const gap = columns - textWidth(left) - textWidth(right);
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  return [...wordWrap(left, columns), ' '.repeat(Math.max(0, columns - textWidth(right))) + right];
}

/** Each item: its name (wrapped), then "  2 x EUR 1.90 ... EUR 3.80"; then the total and the tax per rate. */
export function itemLines(items: ReceiptItems, columns: number): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  const plain = (text: string) => out.push({ text, bold: false });
  for (const line of items.lines) {
    for (const l of wordWrap(line.name, columns)) plain(l);
    for (const l of leftRight(`  ${line.quantity} x ${line.unitPrice}`, line.total, columns)) plain(l);
  }
  plain('-'.repeat(columns));
  for (const l of leftRight('TOTAL', items.total, columns)) out.push({ text: l, bold: true });
  for (const tax of items.taxes) for (const l of leftRight(tax.label, tax.amount, columns)) plain(l);
  return out;
}
