import type { PaperWidthMm } from './render-ports';
import { itemLines } from './receipt-items';
import { translatorFor } from '../i18n/core-translator';
import type { Receipt } from './receipt-model';
import { center, hardWrap, textWidth, wordWrap } from './text-width';

/**
 * Lays a Receipt out as fixed-width lines: the one layout every output shares (ESC/POS prints the
 * lines, HTML and PDF show them in a monospace <pre>), so paper, PDF and screen agree.
 */

export type LineStyle = 'plain' | 'bold' | 'mark';
export interface ReceiptLine {
  text: string;
  style: LineStyle;
}

/** Characters per line of the usual thermal font (12x24 dots) on each paper width. */
export const COLUMNS: Record<PaperWidthMm, number> = { 58: 32, 80: 48 };

export function columnsFor(paperWidthMm: PaperWidthMm): number {
  return COLUMNS[paperWidthMm] ?? 48;
}

export function renderReceiptLines(receipt: Receipt, columns: number): ReceiptLine[] {
  // The marks and notes the layout adds, in the language the receipt was made in.
  const t = translatorFor(receipt.locale);
  const out: ReceiptLine[] = [];
  // A marked line is a full-width bar (inverted on paper), so it is padded to the paper's width.
  const push = (text: string, style: LineStyle = 'plain') =>
    out.push({ text: style === 'mark' ? text + ' '.repeat(Math.max(0, columns - textWidth(text))) : text, style });
  const rule = (ch = '-') => push(ch.repeat(columns));
  const copyMark = () => push(center(t.t('receipts.mark.copy'), columns), 'mark');

  const demoMark = () => push(center(t.t('receipts.mark.demo'), columns), 'mark');
  if (receipt.demo) demoMark();
  if (receipt.copy) copyMark();
  for (const l of wordWrap(receipt.storeName, columns)) push(center(l, columns), 'bold');
  for (const a of receipt.storeAddress) for (const l of wordWrap(a, columns)) push(center(l, columns));
  rule('=');
  for (const l of wordWrap(receipt.title, columns)) push(center(l, columns), receipt.kind === 'void_slip' ? 'mark' : 'bold');
  rule('=');
  if (receipt.items) {
    for (const l of itemLines(receipt.items, columns)) push(l.text, l.bold ? 'bold' : 'plain');
    rule('=');
  }

  for (const f of receipt.fields) for (const l of fieldLines(f.label, f.value, columns)) push(l, f.role === 'amount' ? 'bold' : 'plain');

  if (receipt.notice.length > 0) {
    rule();
    for (const n of receipt.notice) for (const l of wordWrap(n, columns)) push(center(l, columns), 'bold');
  }

  if (receipt.kind === 'test_page') {
    rule();
    push(ruler(columns));
  }

  if (receipt.body) {
    rule();
    // Verbatim: the processor's spacing is kept; only lines wider than the paper are wrapped.
    for (const line of receipt.body.lines) for (const l of hardWrap(line, columns)) push(l);
    if (receipt.body.truncated) push(center(t.t('receipts.body.shortened'), columns));
  }

  rule();
  for (const f of receipt.footer) for (const l of wordWrap(f, columns)) push(center(l, columns));
  if (receipt.copy) {
    for (const l of wordWrap(t.t('receipts.reprinted', { time: t.dateTime(receipt.printedAt) }), columns)) push(center(l, columns));
    copyMark();
  }
  if (receipt.demo) demoMark();
  return out;
}

export function renderReceiptText(receipt: Receipt, columns: number): string {
  return renderReceiptLines(receipt, columns)
    .map((l) => l.text)
    .join('\n');
}

/** "Label        value" on one line when it fits, otherwise the value on its own lines. */
export function fieldLines(label: string, value: string, columns: number): string[] {
  const gap = columns - textWidth(label) - textWidth(value);
  if (gap >= 1) return [label + ' '.repeat(gap) + value];
  const valueWidth = textWidth(value);
  if (valueWidth <= columns) return [label, ' '.repeat(columns - valueWidth) + value];
  return [label, ...wordWrap(value, columns)];
}

function ruler(columns: number): string {
  let s = '';
  for (let i = 1; i <= columns; i += 1) s += String(i % 10);
  return s;
}
