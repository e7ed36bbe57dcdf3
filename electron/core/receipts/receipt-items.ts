import { basketTotalMinor, lineTotalMinor, taxByRate, type BasketLine } from '../../../shared/basket';
import type { Translator } from '../../../shared/i18n/translator';
import { textWidth, wordWrap } from './text-width';

/** The sale's items on a slip (Checkstand's part, above the terminal's receiptData). */
export interface ReceiptItems {
  /** `quantityPrice`: "2 x €1.90" in the till's words and digits. */
  lines: { name: string; quantity: number; quantityPrice: string; total: string }[];
  /** Tax included in the total, per rate, where the catalogue gave rates. */
  taxes: { label: string; amount: string }[];
  total: string;
  totalLabel: string;
}

/** Amounts in the till's locale ("€18.90", "18,90 €"), with the currency's own decimals (as every amount on the slip). */
export function receiptItems(lines: readonly BasketLine[] | undefined, currency: string, t: Translator): ReceiptItems | undefined {
  if (!lines?.length) return undefined;
  const amount = (minor: number) => t.money(minor, currency);
  return {
    lines: lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      quantityPrice: t.t('receipts.items.quantity', { count: t.number(line.quantity), price: amount(line.unitPriceMinor) }),
      total: amount(lineTotalMinor(line)),
    })),
    taxes: taxByRate(lines).map((tax) => ({ label: t.t('receipts.items.tax', { rate: t.number(tax.ratePercent) }), amount: amount(tax.taxMinor) })),
    total: amount(basketTotalMinor(lines)),
    totalLabel: t.t('receipts.items.total'),
  };
}

/** Left text and right-aligned value on one line, or the value on a line of its own when both do not fit. */
function leftRight(left: string, right: string, columns: number): string[] {
  const gap = columns - textWidth(left) - textWidth(right);
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  return [...wordWrap(left, columns), ' '.repeat(Math.max(0, columns - textWidth(right))) + right];
}

/** Each item: its name (wrapped), then "  2 x €1.90 ... €3.80"; then the total and the tax per rate. */
export function itemLines(items: ReceiptItems, columns: number): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  const plain = (text: string) => out.push({ text, bold: false });
  for (const line of items.lines) {
    for (const l of wordWrap(line.name, columns)) plain(l);
    for (const l of leftRight(`  ${line.quantityPrice}`, line.total, columns)) plain(l);
  }
  plain('-'.repeat(columns));
  for (const l of leftRight(items.totalLabel, items.total, columns)) out.push({ text: l, bold: true });
  for (const tax of items.taxes) for (const l of leftRight(tax.label, tax.amount, columns)) plain(l);
  return out;
}
