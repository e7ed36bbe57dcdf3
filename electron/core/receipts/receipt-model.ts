import type { PrintJobView } from '../../../shared/ipc';
import type { Translator } from '../../../shared/i18n/translator';
import { translatorFor } from '../i18n/core-translator';
import type { PaymentDetails, Settings } from '../ports';
import { cleanReceiptData, type CleanReceiptData } from './receipt-data';
import { receiptItems, type ReceiptItems } from './receipt-items';

/**
 * What goes on a slip, independent of the output (fixed-width text, ESC/POS, HTML, PDF).
 * Built from the payment as the core knows it (view + the gateway's PaymentResponse + void alert)
 * and the store settings, in the words and formats of the till's locale (issue 16: `t`, English
 * when none is given). No layout here: `receipt-text.ts` decides columns and wrapping.
 */

export type ReceiptKind = PrintJobView['kind'];

/** What a field is, whatever its label says in the till's language (the layout and file names look for these). */
export type ReceiptFieldRole = 'order' | 'amount' | 'transaction';

export interface ReceiptField {
  label: string;
  value: string;
  role?: ReceiptFieldRole;
}

export interface Receipt {
  kind: ReceiptKind;
  /** The locale the slip was made in (its words, amounts, dates; `dir` for the HTML page). */
  locale: string;
  dir: 'ltr' | 'rtl';
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

/** Local wall-clock time "2024-01-15 10:37:30" in ASCII digits, for file names (the slips use the locale's format). */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const ENGLISH = translatorFor('en-US');
/** The line a receipt carries when the terminal sent no `receiptData` (in English; the slip says it in the till's language). */
export const NO_TERMINAL_TEXT = ENGLISH.t('receipts.notice.no_terminal_text');
/** A cash receipt is Checkstand's own: it says so instead of "the terminal sent no receipt text". */
export const CASH_NOTICE = ENGLISH.t('receipts.notice.cash');
export const DEMO_MARK = ENGLISH.t('receipts.mark.demo');

function cashFields(cash: { tenderedMinor: number; changeMinor: number }, currency: string, t: Translator): ReceiptField[] {
  return [
    { label: t.t('receipts.field.tendered'), value: t.money(cash.tenderedMinor, currency) },
    { label: t.t('receipts.field.change'), value: t.money(cash.changeMinor, currency) },
  ];
}

/** "APPROVED", "GENEHMIGT": the state as the slip prints it (an unexpected state as its code). */
function statusWord(state: string, t: Translator): string {
  const key = `receipts.status.${state}`;
  return t.has(key) ? t.t(key) : state.toUpperCase();
}

/** "Card", "Karte": a payment method the till knows, in the till's words; anything else as the gateway sent it. */
export function methodWord(method: string, t: Translator): string {
  const key = `receipts.method.${method.toLowerCase()}`;
  return t.has(key) ? t.t(key) : method;
}

/** Which slip a payment in this state gets, or why it gets none. */
export type PaymentSlipKind = Exclude<ReceiptKind, 'test_page'>;

/** `refused`: the `receipts.error.…` code of why there is no slip. */
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
      return { refused: 'receipts.error.needs_review' };
    case 'rejected':
    case 'abandoned':
      return { refused: 'receipts.error.did_not_go_through' };
    default:
      return { refused: 'receipts.error.in_progress' };
  }
}

/** The payment's fields, labelled in the till's language; amounts and dates in its formats. */
function paymentFields(details: PaymentDetails, settings: Settings, kind: PaymentSlipKind, t: Translator): ReceiptField[] {
  const { view, response } = details;
  const label = (name: string) => t.t(`receipts.field.${name}`);
  const paidAt = parseTime(response?.timestamp) ?? view.updatedAt;
  const fields: ReceiptField[] = [
    { label: label('order'), value: view.orderRef, role: 'order' },
    // Dates and times: the till machine's own time zone (as the cashier's clock shows), the locale's format.
    { label: label('date'), value: t.dateTime(paidAt) },
    // A cash sale has no terminal: the till recorded it (till: cash tender).
    ...(view.cash ? [] : [{ label: label('terminal'), value: view.terminalId }]),
    { label: label('method'), value: methodWord(response?.paymentMethod ?? view.paymentMethod, t) },
    { label: label('amount'), value: t.money(view.amountMinor, view.currency), role: 'amount' },
    ...(view.cash ? cashFields(view.cash, view.currency, t) : []),
    { label: label('status'), value: statusWord(view.state, t) },
  ];
  // People: the cashier who took it, as the receipt setting says (full name, first name, none).
  const cashier = cashierOnReceipt(view.cashier?.name, settings.receiptCashierName);
  if (cashier) fields.push({ label: label('cashier'), value: cashier });
  const authorizationCode = view.authorizationCode ?? response?.authorizationCode;
  if (authorizationCode) fields.push({ label: label('auth_code'), value: authorizationCode });
  // The decline reason is the gateway's own words, printed as sent.
  const reason = view.errorMessage ?? response?.errorMessage;
  if (kind === 'decline_slip' && reason) fields.push({ label: label('reason'), value: reason });
  const code = view.errorCode ?? response?.errorCode;
  if (kind === 'decline_slip' && code) fields.push({ label: label('code'), value: code });
  fields.push({ label: label('transaction'), value: view.transactionId, role: 'transaction' });
  return fields;
}

export function buildPaymentReceipt(
  details: PaymentDetails,
  settings: Settings,
  kind: PaymentSlipKind,
  copy: boolean,
  now: number,
  t: Translator = ENGLISH,
): Receipt {
  const { view, response, voidAlert } = details;
  const fields = paymentFields(details, settings, kind, t);
  let title = t.t(view.cash ? 'receipts.title.cash_sale' : 'receipts.title.sale');
  let notice: string[] = [];
  let body: Receipt['body'];
  let unprintable: Receipt['unprintable'];

  if (kind === 'void_slip') {
    title = t.t('receipts.title.voided');
    fields.push({ label: t.t('receipts.field.voided_at'), value: t.dateTime(voidAlert?.at ?? view.updatedAt) });
    // The gateway's words, as sent.
    const reason = voidAlert?.reason ?? view.voidReason;
    if (reason) fields.push({ label: t.t('receipts.field.void_reason'), value: reason });
    // The instruction follows the ORDER, not this attempt: another payment may have paid it.
    const paidByAnother = details.order?.approvals.some((a) => a.transactionId !== view.transactionId) ?? false;
    notice = [
      t.t('receipts.notice.voided_by_gateway'),
      t.t('receipts.notice.no_money_collected_loud'),
      t.t(paidByAnother ? 'receipts.notice.paid_by_another' : 'receipts.notice.take_again'),
    ];
    // The terminal's text belongs to the approval that was voided; printing it here would look
    // like proof of payment, so the void slip carries none.
  } else {
    if (kind === 'decline_slip') {
      title = t.t(view.state === 'cancelled' ? 'receipts.title.cancelled' : 'receipts.title.declined');
      notice = [t.t('receipts.notice.no_money_collected')];
    }
    const data = cleanReceiptData(response?.receiptData);
    if (data.kind === 'text') body = { source: 'terminal', lines: data.lines, truncated: data.truncated };
    // `receiptData` is optional (vendor table): the customer still gets our receipt, and it says
    // plainly that the card processor's own text is missing (money-truth rule 7).
    if (data.kind === 'empty' && kind !== 'decline_slip') notice = [t.t(view.cash ? 'receipts.notice.cash' : 'receipts.notice.no_terminal_text')];
    if (data.kind === 'unprintable') {
      unprintable = data;
      body = { source: 'fallback', lines: fallbackLines(details, t), truncated: false };
    }
  }

  const items = kind === 'void_slip' ? undefined : receiptItems(view.lines, view.currency, t);
  return {
    kind,
    locale: t.locale,
    dir: t.dir,
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
    footer: kind === 'receipt' || kind === 'copy' ? [t.t('receipts.footer.thanks'), t.t('receipts.footer.keep_receipt')] : [t.t('receipts.footer.keep_slip')],
    printedAt: now,
  };
}

// Built from the gateway's own fields (as sent, not as we parsed them), so the slip still carries
// what the processor reported when its text cannot be shown (OQ-23).
function fallbackLines({ response, view }: PaymentDetails, t: Translator): string[] {
  const lines = [t.t('receipts.fallback.unavailable'), t.t('receipts.fallback.as_reported')];
  const r = response ?? { transactionId: view.transactionId, status: 'SUCCESS' as const };
  // The values exactly as the gateway sent them (not re-formatted): this block is the evidence.
  const entries: [string, unknown][] = [
    ['status', r.status],
    ['amount', r.amount !== undefined ? `${r.currency ?? view.currency} ${String(r.amount)}` : undefined],
    ['method', r.paymentMethod],
    ['auth_code', r.authorizationCode],
    ['processed', r.timestamp],
    ['transaction', r.transactionId],
  ];
  for (const [name, value] of entries) {
    const label = t.t(`receipts.field.${name}`);
    if (value !== undefined && value !== '') lines.push(`${label}: ${String(value)}`);
  }
  return lines;
}

export function splitAddress(address: string): string[] {
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
