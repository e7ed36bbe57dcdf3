import type { Translator } from '../../../shared/i18n/translator';
import { toWireAmount } from '../../../shared/money';
import type { ReportPayment, ReportRow, ShiftReport } from '../../../shared/ipc/shifts';
import { translatorFor } from '../i18n/core-translator';
import { formatDateTime } from '../receipts/receipt-model';
import type { PrintableDocument } from '../receipts/receipt-output';
import { fieldLines, type LineStyle, type ReceiptLine } from '../receipts/receipt-text';
import { center, wordWrap } from '../receipts/text-width';

/**
 * An X or Z report as the receipt printer prints it: fixed-width lines from the report model
 * alone (nothing read from settings or the clock), so a stored Z prints byte for byte the same on
 * every reprint. Its language is the report's own `locale` (the till's when it was made; English
 * for reports made before issue 16), so a Z reprinted after the till changed language is still
 * the same document. ESC/POS, HTML and PDF come from these lines through the receipt outputs.
 * Times are the till machine's local time, as on receipts.
 */

/** The words and formats a report is printed in. */
export function reportTranslator(r: Pick<ShiftReport, 'locale'>): Translator {
  return translatorFor(r.locale ?? 'en-US');
}

export function reportDocument(report: ShiftReport): PrintableDocument {
  const t = reportTranslator(report);
  return {
    kind: 'shift_report',
    title: reportTitle(report),
    filename: reportFilename(report, 'pdf'),
    locale: t.locale,
    dir: t.dir,
    lines: (columns) => reportLines(report, columns),
  };
}

export function reportTitle(r: ShiftReport): string {
  const t = reportTranslator(r);
  return r.kind === 'Z' ? t.t('receipts.report.z_document', { label: r.label }) : t.t('receipts.report.x_document', { time: t.dateTime(r.producedAt) });
}

/** "z-report-Z-0001.pdf", "x-report-20261201-1530.csv": ASCII digits in every language. */
export function reportFilename(r: ShiftReport, ext: 'pdf' | 'csv'): string {
  const stamp = formatDateTime(r.producedAt)
    .replace(/[^0-9]/g, '')
    .slice(0, 12);
  return r.kind === 'Z' ? `z-report-${r.label.replace(' ', '-')}.${ext}` : `x-report-${stamp.slice(0, 8)}-${stamp.slice(8)}.${ext}`;
}

/** "10.00", "-0.50": the machine-readable amount (CSV), the currency's own decimals. */
export function signedWireAmount(minor: number, currency: string): string {
  return `${minor < 0 ? '-' : ''}${toWireAmount(Math.abs(minor), currency)}`;
}

/** A word of the report's catalogue for a code (method, state), or the code itself when the till has no word for it. */
function wordFor(t: Translator, prefix: string, code: string): string {
  const key = `${prefix}${code.toLowerCase()}`;
  return t.has(key) ? t.t(key) : code;
}

export function reportLines(r: ShiftReport, columns: number): ReceiptLine[] {
  const t = reportTranslator(r);
  const say = (key: string, values?: Record<string, unknown>) => t.t(`receipts.report.${key}`, values);
  const methodWord = (method: string) => wordFor(t, 'receipts.report.method_', method);
  const stateWord = (state: string) => wordFor(t, 'receipts.state.', state);
  // Each amount in its own currency (a report may hold several): never summed across currencies.
  const money = (minor: number, currency: string) => t.money(minor, currency);
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
    if (list.length === 0) push(say('none'));
    for (const row of list) field(word(row.key), say('count_amount', { count: t.number(row.count), amount: money(row.amountMinor, row.currency) }));
  };
  const payments = (title: string, list: ReportPayment[]) => {
    heading(title);
    if (list.length === 0) push(say('none'));
    for (const p of list) paymentLines(p, columns, t, { methodWord, stateWord }).forEach((l) => push(l));
  };

  if (r.store) {
    for (const l of wordWrap(r.store.name, columns)) push(center(l, columns), 'bold');
    for (const a of r.store.address) for (const l of wordWrap(a, columns)) push(center(l, columns));
  }
  rule('=');
  const title = r.kind === 'Z' ? say('z_heading', { number: r.label.slice(2) }) : say('x_heading');
  for (const l of wordWrap(title, columns)) push(center(l, columns), 'bold');
  rule('=');
  if (r.till) field(say('till'), r.till);
  field(say('opened'), t.dateTime(r.openedAt));
  field(say('opened_by'), r.openedBy ?? say('no_cashier'));
  if (r.kind === 'Z') {
    field(say('closed'), t.dateTime(r.closedAt ?? r.producedAt));
    field(say('closed_by'), r.closedBy ?? say('no_cashier'));
  } else field(say('made'), t.dateTime(r.producedAt));

  rows(say('taken'), r.approved, () => say('total'));
  rows(say('by_method'), r.byMethod, methodWord);
  rows(say('by_terminal'), r.byTerminal);
  rows(say('by_cashier'), r.byCashier);
  rows(say('not_taken'), r.notTaken, stateWord);
  payments(say('voids'), r.voids);
  payments(say('settled_by_hand'), r.handSettled);
  payments(say(r.kind === 'Z' ? 'unresolved_at_close' : 'not_settled_yet'), r.unresolved);
  if (r.unresolvedApproval) for (const l of wordWrap(approvalSentence(r.unresolvedApproval, say), columns)) push(l, 'bold');
  for (const c of r.cash) {
    heading(say('cash_heading', { currency: c.currency }));
    field(say('float'), money(c.floatMinor, c.currency));
    field(say('cash_payments'), money(c.cashTakenMinor, c.currency));
    field(say('expected'), money(c.expectedMinor, c.currency), 'bold');
    if (c.countedMinor !== undefined) field(say('counted'), money(c.countedMinor, c.currency));
    if (c.differenceMinor !== undefined) field(say('difference'), money(c.differenceMinor, c.currency), 'bold');
  }
  rule('=');
  for (const l of wordWrap(r.kind === 'Z' ? say('end_z', { label: r.label }) : say('end_x'), columns)) push(center(l, columns));
  return out;
}

function approvalSentence(a: NonNullable<ShiftReport['unresolvedApproval']>, say: (key: string, values?: Record<string, unknown>) => string): string {
  if (a.by === 'manager') return a.approver ? say('allowed_by_manager', { name: a.approver }) : say('allowed_by_a_manager');
  return a.approver ? say('confirmed_by', { name: a.approver }) : say('confirmed');
}

type Words = { methodWord(method: string): string; stateWord(state: string): string };

function paymentLines(p: ReportPayment, columns: number, t: Translator, words: Words): string[] {
  const lines = fieldLines(`${p.orderRef} ${shortClock(t, p.at)}`, t.money(p.amountMinor, p.currency), columns);
  const detail = [words.methodWord(p.method), p.terminal, words.stateWord(p.state), p.cashier]
    .filter(Boolean)
    .join(t.language === 'ja' ? '、' : t.dir === 'rtl' ? '، ' : ', ');
  lines.push(...wordWrap(`  ${detail}`, columns));
  // The reason is the gateway's (or the cashier's) own words, inside the till's sentence.
  if (p.reason) lines.push(...wordWrap(`  ${t.t('receipts.report.reason', { reason: p.reason })}`, columns));
  if (p.approvedBy) lines.push(...wordWrap(`  ${t.t('receipts.report.approved_by', { name: p.approvedBy })}`, columns));
  return lines;
}

/** "10:37": hours and minutes in the locale's format and digits. */
function shortClock(t: Translator, epochMs: number): string {
  return new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}
