import { toWireAmount } from '../../../shared/money';
import type { ReportPayment, ReportRow, ShiftReport } from '../../../shared/ipc/shifts';
import { formatDateTime } from '../receipts/receipt-model';
import type { PrintableDocument } from '../receipts/receipt-output';
import { fieldLines, type LineStyle, type ReceiptLine } from '../receipts/receipt-text';
import { center, wordWrap } from '../receipts/text-width';

/**
 * An X or Z report as the receipt printer prints it: fixed-width lines from the report model
 * alone (nothing read from settings or the clock), so a stored Z prints byte for byte the same on
 * every reprint. ESC/POS, HTML and PDF come from these lines through the receipt outputs.
 */

const METHOD_WORDS: Record<string, string> = { CARD: 'Card', CASH: 'Cash', MOBILE: 'Mobile', OTHER: 'Other' };
const STATE_WORDS: Record<string, string> = {
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
  rejected: 'Refused by gateway',
  abandoned: 'Not paid',
  voided: 'Voided',
  needs_review: 'Needs review',
  unknown: 'Result unknown',
  sent: 'Sent',
  awaiting_result: 'Waiting for terminal',
  terminal_reconnecting: 'Terminal reconnecting',
};

export function reportDocument(report: ShiftReport): PrintableDocument {
  return { kind: 'shift_report', title: reportTitle(report), filename: reportFilename(report, 'pdf'), lines: (columns) => reportLines(report, columns) };
}

export function reportTitle(r: ShiftReport): string {
  return r.kind === 'Z' ? `Z report ${r.label}` : `X report ${formatDateTime(r.producedAt)}`;
}

/** "z-report-Z-0001.pdf", "x-report-2026-12-01-1530.csv". */
export function reportFilename(r: ShiftReport, ext: 'pdf' | 'csv'): string {
  const stamp = formatDateTime(r.producedAt)
    .replace(/[^0-9]/g, '')
    .slice(0, 12);
  return r.kind === 'Z' ? `z-report-${r.label.replace(' ', '-')}.${ext}` : `x-report-${stamp.slice(0, 8)}-${stamp.slice(8)}.${ext}`;
}

/** "EUR 10.00", "EUR -0.50". */
export function signedAmount(minor: number, currency: string): string {
  return `${currency} ${minor < 0 ? '-' : ''}${toWireAmount(Math.abs(minor), currency)}`;
}

export function methodWord(method: string): string {
  return METHOD_WORDS[method] ?? method;
}

export function stateWord(state: string): string {
  return STATE_WORDS[state] ?? state;
}

export function reportLines(r: ShiftReport, columns: number): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  const push = (text: string, style: LineStyle = 'plain') => out.push({ text, style });
  const rule = (ch = '-') => push(ch.repeat(columns));
  const field = (label: string, value: string, style: LineStyle = 'plain') => fieldLines(label, value, columns).forEach((l) => push(l, style));
  const heading = (text: string) => {
    rule();
    push(text, 'bold');
  };
  const rows = (title: string, list: ReportRow[], word: (key: string) => string = (k) => k) => {
    heading(title);
    if (list.length === 0) push('None');
    for (const row of list) field(word(row.key), `${row.count} x ${signedAmount(row.amountMinor, row.currency)}`);
  };
  const payments = (title: string, list: ReportPayment[]) => {
    heading(title);
    if (list.length === 0) push('None');
    for (const p of list) paymentLines(p, columns).forEach((l) => push(l));
  };

  if (r.store) {
    for (const l of wordWrap(r.store.name, columns)) push(center(l, columns), 'bold');
    for (const a of r.store.address) for (const l of wordWrap(a, columns)) push(center(l, columns));
  }
  rule('=');
  push(center(r.kind === 'Z' ? `Z REPORT ${r.label.slice(2)}` : 'X REPORT (SHIFT STILL OPEN)', columns), 'bold');
  rule('=');
  if (r.till) field('Till', r.till);
  field('Opened', formatDateTime(r.openedAt));
  field('Opened by', r.openedBy ?? 'No cashier');
  if (r.kind === 'Z') {
    field('Closed', formatDateTime(r.closedAt ?? r.producedAt));
    field('Closed by', r.closedBy ?? 'No cashier');
  } else field('Made', formatDateTime(r.producedAt));

  rows('TAKEN (approved)', r.approved, () => 'Total');
  rows('BY METHOD', r.byMethod, methodWord);
  rows('BY TERMINAL', r.byTerminal);
  rows('BY CASHIER', r.byCashier);
  rows('NOT TAKEN', r.notTaken, stateWord);
  payments('VOIDS (customer not charged)', r.voids);
  payments('SETTLED BY HAND', r.handSettled);
  payments(r.kind === 'Z' ? 'UNRESOLVED AT CLOSE' : 'NOT SETTLED YET', r.unresolved);
  if (r.unresolvedApproval) {
    const { by, approver } = r.unresolvedApproval;
    const allowed = by === 'manager' ? `allowed by manager ${approver ?? ''}`.trim() : `confirmed${approver ? ` by ${approver}` : ''}`;
    for (const l of wordWrap(`Closed with these open, ${allowed}.`, columns)) push(l, 'bold');
  }
  for (const c of r.cash) {
    heading(`CASH ${c.currency}`);
    field('Opening float', signedAmount(c.floatMinor, c.currency));
    field('Cash payments', signedAmount(c.cashTakenMinor, c.currency));
    field('Expected in drawer', signedAmount(c.expectedMinor, c.currency), 'bold');
    if (c.countedMinor !== undefined) field('Counted', signedAmount(c.countedMinor, c.currency));
    if (c.differenceMinor !== undefined) field('Difference', signedAmount(c.differenceMinor, c.currency), 'bold');
  }
  rule('=');
  push(center(r.kind === 'Z' ? `END OF ${r.label}` : 'X REPORT: NOTHING WAS CLOSED', columns));
  return out;
}

function paymentLines(p: ReportPayment, columns: number): string[] {
  const lines = fieldLines(`${p.orderRef} ${formatDateTime(p.at).slice(11, 16)}`, signedAmount(p.amountMinor, p.currency), columns);
  const detail = [methodWord(p.method), p.terminal, stateWord(p.state), p.cashier].filter(Boolean).join(', ');
  lines.push(...wordWrap(`  ${detail}`, columns));
  if (p.reason) lines.push(...wordWrap(`  Reason: ${p.reason}`, columns));
  if (p.approvedBy) lines.push(...wordWrap(`  Approved by ${p.approvedBy}`, columns));
  return lines;
}
