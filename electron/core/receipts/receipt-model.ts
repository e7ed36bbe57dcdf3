import type { PrintJobView } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';
import type { PaymentDetails, Settings } from '../ports';
import { cleanReceiptData, type CleanReceiptData } from './receipt-data';
import { receiptItems, type ReceiptItems } from './receipt-items';

/**
 * What goes on a slip, independent of the output (fixed-width text, ESC/POS, HTML, PDF).
 * Built from the payment as the core knows it (view + the gateway's PaymentResponse + void alert)
 * and the store settings. No layout here: `receipt-text.ts` decides columns and wrapping.
 */

export type ReceiptKind = PrintJobView['kind'];

export interface ReceiptField {
  label: string;
  value: string;
}

export interface Receipt {
  kind: ReceiptKind;
  /** Reprint: a "COPY" mark at the top and bottom. */
  copy: boolean;
  /** Taken in demo mode: "DEMO — NOT A REAL PAYMENT" at the top and bottom (money-truth rule 1). */
  demo?: boolean;
  storeName: string;
  storeAddress: string[];
  title: string;
  /** basket: the sale's items and tax per rate (absent for an amount-only sale and on void slips). */
  items?: ReceiptItems;
  fields: ReceiptField[];
  /** Lines that must stand out (void and decline explanations). */
  notice: string[];
  /** The processor's receipt verbatim (cleaned), or the fallback built from the PaymentResponse. */
  body: { source: 'terminal' | 'fallback'; lines: string[]; truncated: boolean } | undefined;
  /** Why the terminal's text was replaced by the fallback; the service logs it. */
  unprintable?: Extract<CleanReceiptData, { kind: 'unprintable' }>;
  footer: string[];
  /** Epoch ms the slip was produced (shown on copies and test pages). */
  printedAt: number;
}

/** "USD 99.99", "JPY 500": ISO code and the currency's own decimals, no locale data needed. */
export function formatAmount(amountMinor: number, currency: string): string {
  return `${currency} ${toWireAmount(amountMinor, currency)}`;
}

/** Local wall-clock time "2024-01-15 10:37:30" without Intl (the ICU data of a build may vary). */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The line a receipt carries when the terminal sent no `receiptData`. */
export const NO_TERMINAL_TEXT = 'The terminal sent no receipt text.';
/** A cash receipt is Checkstand's own: it says so instead of "the terminal sent no receipt text". */
export const CASH_NOTICE = 'Paid in cash. No card terminal was used.';

function cashFields(cash: { tenderedMinor: number; changeMinor: number }, currency: string): ReceiptField[] {
  return [
    { label: 'Tendered', value: formatAmount(cash.tenderedMinor, currency) },
    { label: 'Change', value: formatAmount(cash.changeMinor, currency) },
  ];
}
export const DEMO_MARK = 'DEMO — NOT A REAL PAYMENT';

const STATUS_WORDS: Record<string, string> = {
  approved: 'APPROVED',
  declined: 'DECLINED',
  cancelled: 'CANCELLED',
  voided: 'VOIDED',
};

/** Which slip a payment in this state gets, or why it gets none. */
export type PaymentSlipKind = Exclude<ReceiptKind, 'test_page'>;

export function slipKindFor(details: PaymentDetails, copy: boolean): { kind: PaymentSlipKind } | { refused: string } {
  switch (details.view.state) {
    case 'approved':
      return { kind: copy ? 'copy' : 'receipt' };
    case 'voided':
      return { kind: 'void_slip' };
    case 'declined':
    case 'cancelled':
      return { kind: 'decline_slip' };
    case 'needs_review':
      return { refused: 'This payment needs review before a receipt can be printed. Resolve it first.' };
    case 'rejected':
    case 'abandoned':
      return { refused: 'This payment did not go through, so there is no receipt to print.' };
    default:
      return { refused: 'This payment is still in progress. The receipt can be printed once it has a result.' };
  }
}

export function buildPaymentReceipt(details: PaymentDetails, settings: Settings, kind: PaymentSlipKind, copy: boolean, now: number): Receipt {
  const { view, response, voidAlert } = details;
  const paidAt = parseTime(response?.timestamp) ?? view.updatedAt;
  const fields: ReceiptField[] = [
    { label: 'Order', value: view.orderRef },
    { label: 'Date', value: formatDateTime(paidAt) },
    // A cash sale has no terminal: the till recorded it (till: cash tender).
    ...(view.cash ? [] : [{ label: 'Terminal', value: view.terminalId }]),
    { label: 'Method', value: response?.paymentMethod ?? view.paymentMethod },
    { label: 'Amount', value: formatAmount(view.amountMinor, view.currency) },
    ...(view.cash ? cashFields(view.cash, view.currency) : []),
    { label: 'Status', value: STATUS_WORDS[view.state] ?? view.state.toUpperCase() },
  ];
  // People: the cashier who took it, as the receipt setting says (full name, first name, none).
  const cashier = cashierOnReceipt(view.cashier?.name, settings.receiptCashierName);
  if (cashier) fields.push({ label: 'Cashier', value: cashier });
  if (view.authorizationCode ?? response?.authorizationCode)
    fields.push({ label: 'Auth code', value: (view.authorizationCode ?? response?.authorizationCode)! });
  if (kind === 'decline_slip' && (view.errorMessage ?? response?.errorMessage))
    fields.push({ label: 'Reason', value: (view.errorMessage ?? response?.errorMessage)! });
  if (kind === 'decline_slip' && (view.errorCode ?? response?.errorCode)) fields.push({ label: 'Code', value: (view.errorCode ?? response?.errorCode)! });
  fields.push({ label: 'Transaction', value: view.transactionId });

  let title = 'SALE';
  let notice: string[] = [];
  let body: Receipt['body'];
  let unprintable: Receipt['unprintable'];

  if (kind === 'void_slip') {
    title = 'PAYMENT VOIDED';
    fields.push({ label: 'Voided at', value: formatDateTime(voidAlert?.at ?? view.updatedAt) });
    const reason = voidAlert?.reason ?? view.voidReason;
    if (reason) fields.push({ label: 'Void reason', value: reason });
    // The instruction follows the ORDER, not this attempt: another payment may have paid it.
    const paidByAnother = details.order?.approvals.some((a) => a.transactionId !== view.transactionId) ?? false;
    notice = [
      'The gateway voided this payment.',
      'NO MONEY WAS COLLECTED.',
      paidByAnother ? 'This order is already paid by another payment. Do not take it again.' : 'Take the payment again.',
    ];
    // The terminal's text belongs to the approval that was voided; printing it here would look
    // like proof of payment, so the void slip carries none.
  } else {
    if (kind === 'decline_slip') {
      title = view.state === 'cancelled' ? 'PAYMENT CANCELLED' : 'PAYMENT DECLINED';
      notice = ['No money was collected.'];
    }
    const data = cleanReceiptData(response?.receiptData);
    if (data.kind === 'text') body = { source: 'terminal', lines: data.lines, truncated: data.truncated };
    // `receiptData` is optional (vendor table): the customer still gets our receipt, and it says
    // plainly that the card processor's own text is missing (money-truth rule 7).
    if (data.kind === 'empty' && kind !== 'decline_slip') notice = [view.cash ? CASH_NOTICE : NO_TERMINAL_TEXT];
    if (data.kind === 'unprintable') {
      unprintable = data;
      body = { source: 'fallback', lines: fallbackLines(details), truncated: false };
    }
  }

  const items = kind === 'void_slip' ? undefined : receiptItems(view.lines, view.currency);
  return {
    kind,
    copy,
    ...(view.demo ? { demo: true } : {}),
    storeName: settings.storeName.trim() || 'Checkstand',
    storeAddress: splitAddress(settings.storeAddress),
    title,
    ...(items ? { items } : {}),
    fields,
    notice,
    body,
    ...(unprintable ? { unprintable } : {}),
    footer: kind === 'receipt' || kind === 'copy' ? ['Thank you!', 'Please keep this receipt.'] : ['Please keep this slip.'],
    printedAt: now,
  };
}

export function buildTestPage(settings: Settings, now: number): Receipt {
  const p = settings.printer;
  const target = p.kind === 'network' ? `${p.host}:${p.port}` : p.kind === 'system' ? p.systemName || 'system default' : p.kind;
  return {
    kind: 'test_page',
    copy: false,
    storeName: settings.storeName.trim() || 'Checkstand',
    storeAddress: splitAddress(settings.storeAddress),
    title: 'PRINTER TEST PAGE',
    fields: [
      { label: 'Printed', value: formatDateTime(now) },
      { label: 'Printer', value: `${p.kind} (${target})` },
      { label: 'Paper', value: `${p.paperWidthMm} mm` },
    ],
    notice: [],
    body: {
      source: 'terminal',
      lines: ['Accents: Café Größe Ñandú', 'Symbols: # $ % & @ * + = / \\', 'If the ruler fits on one line,', 'the paper width is right.'],
      truncated: false,
    },
    footer: ['Printing works.'],
    printedAt: now,
  };
}

// Built from the gateway's own fields (as sent, not as we parsed them), so the slip still carries
// what the processor reported when its text cannot be shown (OQ-23).
function fallbackLines({ response, view }: PaymentDetails): string[] {
  const lines = ['Card receipt text unavailable.', 'Payment details as reported:'];
  const r = response ?? { transactionId: view.transactionId, status: 'SUCCESS' as const };
  const entries: [string, unknown][] = [
    ['Status', r.status],
    ['Amount', r.amount !== undefined ? `${r.currency ?? view.currency} ${String(r.amount)}` : undefined],
    ['Method', r.paymentMethod],
    ['Auth code', r.authorizationCode],
    ['Processed', r.timestamp],
    ['Transaction', r.transactionId],
  ];
  for (const [label, value] of entries) if (value !== undefined && value !== '') lines.push(`${label}: ${String(value)}`);
  return lines;
}

function splitAddress(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

function cashierOnReceipt(name: string | undefined, shown: Settings['receiptCashierName'] | undefined): string | undefined {
  if (!name || shown === 'none') return undefined;
  return shown === 'full' ? name : name.trim().split(/\s+/)[0];
}
