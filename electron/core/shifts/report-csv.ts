import type { ReportPayment, ReportRow, ShiftReport } from '../../../shared/ipc/shifts';
import { csvCell } from '../history/csv';
import { csvHeader } from '../history/csv';
import { reportTranslator, signedWireAmount } from './report-document';

/**
 * An X or Z report for the back office's spreadsheet, with the payment export's conventions
 * (RFC 4180, CRLF, ISO times, amounts as decimal strings with the currency in its own column):
 * one row per figure, the first column saying which part of the report it belongs to. Only the
 * header row is in the report's language (issue 16); every value stays machine-readable (section
 * and state codes, ISO times, decimal amounts), whatever the language.
 */
const COLUMNS = ['section', 'key', 'currency', 'count', 'amount', 'transactionId', 'detail'] as const;

export function reportToCsv(r: ShiftReport): string {
  const rows: string[][] = [];
  const add = (section: string, key: string, currency = '', count = '', amount = '', transactionId = '', detail = '') =>
    rows.push([section, key, currency, count, amount, transactionId, detail]);
  const amount = signedWireAmount;
  const totals = (section: string, list: ReportRow[]) =>
    list.forEach((row) => add(section, row.key, row.currency, String(row.count), amount(row.amountMinor, row.currency)));
  const payments = (section: string, list: ReportPayment[]) =>
    list.forEach((p) =>
      add(
        section,
        p.orderRef,
        p.currency,
        '1',
        amount(p.amountMinor, p.currency),
        p.transactionId,
        [p.state, p.method, p.terminal, p.cashier, p.reason, p.approvedBy && `approved by ${p.approvedBy}`].filter(Boolean).join('; '),
      ),
    );

  add('report', r.label, '', '', '', '', r.kind === 'Z' ? 'closed' : 'shift still open');
  add('till', r.till);
  add('opened', new Date(r.openedAt).toISOString(), '', '', '', '', r.openedBy ?? '');
  if (r.closedAt !== undefined) add('closed', new Date(r.closedAt).toISOString(), '', '', '', '', r.closedBy ?? '');
  add('made', new Date(r.producedAt).toISOString());
  totals('approved', r.approved);
  totals('method', r.byMethod);
  totals('terminal', r.byTerminal);
  totals('cashier', r.byCashier);
  totals('not_taken', r.notTaken);
  payments('void', r.voids);
  payments('settled_by_hand', r.handSettled);
  payments('unresolved', r.unresolved);
  if (r.unresolvedApproval) add('unresolved_allowed', r.unresolvedApproval.by, '', '', '', '', r.unresolvedApproval.approver ?? '');
  for (const c of r.cash) {
    add('cash', 'float', c.currency, '', amount(c.floatMinor, c.currency));
    add('cash', 'cash_payments', c.currency, '', amount(c.cashTakenMinor, c.currency));
    add('cash', 'expected', c.currency, '', amount(c.expectedMinor, c.currency));
    if (c.countedMinor !== undefined) add('cash', 'counted', c.currency, '', amount(c.countedMinor, c.currency));
    if (c.differenceMinor !== undefined) add('cash', 'difference', c.currency, '', amount(c.differenceMinor, c.currency));
  }
  const header = csvHeader(COLUMNS, reportTranslator(r));
  return [header, ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}

// Our own amounts may be negative (a cash shortfall): a plain number is no formula, so it is not
// given the export's leading apostrophe; every other cell is.
function cell(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? value : csvCell(value);
}
