import type { PaymentView } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';

/** End-of-day export for the back office: one row per payment, amounts as decimal strings. */
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

export function paymentsToCsv(payments: readonly PaymentView[]): string {
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
  return [COLUMNS as readonly string[], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, plus a leading apostrophe against spreadsheet formula injection. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
