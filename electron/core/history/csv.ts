import type { Translator } from '../../../shared/i18n/translator';
import type { PaymentView } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';
import { translatorFor } from '../i18n/core-translator';

/**
 * End-of-day export for the back office: one row per payment, amounts as decimal strings. The
 * header row is in the till's language (issue 16: `receipts.csv.<column>`; English keeps the
 * column codes); the VALUES stay machine-readable in every language (ISO times in UTC, decimal
 * amounts with ".", ISO currency, state and method codes), so a spreadsheet or script reads them the same.
 */
const COLUMNS = [
  'transactionId',
  'createdAt',
  'orderRef',
  'terminalId',
  'amount',
  'currency',
  'paymentMethod',
  'state',
  'authorizationCode',
  'errorCode',
  'errorMessage',
  'resolvedBy',
  'resolutionReason',
  'voidReason',
  'detail',
  // People: who started the attempt, and which manager approved a settlement by hand.
  'cashier',
  'approvedBy',
] as const;

export function paymentsToCsv(payments: readonly PaymentView[], t: Translator = translatorFor('en-US')): string {
  const rows = payments.map((p) => [
    p.transactionId,
    new Date(p.createdAt).toISOString(),
    p.orderRef,
    p.terminalId,
    toWireAmount(p.amountMinor, p.currency),
    p.currency,
    p.paymentMethod,
    p.state,
    p.authorizationCode ?? '',
    p.errorCode ?? '',
    p.errorMessage ?? '',
    p.resolution?.by ?? '',
    p.resolution?.reason ?? '',
    p.voidReason ?? '',
    p.detail ?? '',
    p.cashier?.name ?? '',
    p.resolution?.approvedBy?.name ?? '',
  ]);
  return [csvHeader(COLUMNS, t), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** The header row: each column's name in the till's language (its code when the catalogue has none). */
export function csvHeader(columns: readonly string[], t: Translator): string {
  return columns.map((c) => csvCell(t.has(`receipts.csv.${c}`) ? t.t(`receipts.csv.${c}`) : c)).join(',');
}

/** RFC 4180 quoting, plus a leading apostrophe against spreadsheet formula injection. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
