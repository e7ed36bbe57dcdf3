import { OPEN_PAYMENT_STATES, type PaymentState, type PaymentView } from '../../../shared/ipc';
import type { CashLine, ReportPayment, ReportRow, ShiftReport, ShiftView } from '../../../shared/ipc/shifts';

/**
 * The X and Z report figures: pure functions from a shift and payments to a report model, so the
 * maths is tested with hand-built payments and every output (paper, PDF, CSV, screen) shows the
 * same numbers. Payments belong to the shift open when they were started (createdAt in
 * [openedAt, end]); currencies are kept apart, never summed.
 */

export const NO_CASHIER = 'No cashier';
export const NO_TERMINAL = '(no terminal)';

/** A payment the Z may not be silent about: its outcome is not settled yet. */
const UNRESOLVED_STATES: readonly PaymentState[] = [...OPEN_PAYMENT_STATES, 'needs_review'];
const NOT_TAKEN_STATES: readonly PaymentState[] = ['declined', 'cancelled', 'rejected', 'abandoned'];

export interface ReportOptions {
  kind: 'X' | 'Z';
  /** Z: its number on this till. */
  number?: number;
  /** X: now. Z: the close. Payments started after it are not this shift's. */
  now: number;
  closedBy?: string;
  countedCashMinor?: number;
  /** The terminal's name as the till knows it (falls back to its id). */
  terminalLabel?: (terminalId: string) => string | undefined;
  unresolvedApproval?: ShiftReport['unresolvedApproval'];
  store?: ShiftReport['store'];
}

export function isUnresolved(p: Pick<PaymentView, 'state'>): boolean {
  return UNRESOLVED_STATES.includes(p.state);
}

export function paymentsOfShift(shift: Pick<ShiftView, 'openedAt'>, payments: readonly PaymentView[], end: number): PaymentView[] {
  return payments.filter((p) => p.createdAt >= shift.openedAt && p.createdAt <= end).sort((a, b) => a.createdAt - b.createdAt);
}

export function zLabel(number: number): string {
  return `Z ${String(number).padStart(4, '0')}`;
}

export function buildShiftReport(shift: ShiftView, allPayments: readonly PaymentView[], o: ReportOptions): ShiftReport {
  const payments = paymentsOfShift(shift, allPayments, o.now);
  const approved = payments.filter((p) => p.state === 'approved');
  const terminal = (p: PaymentView) => terminalName(p.terminalId, o.terminalLabel);
  const line = (p: PaymentView) => reportPayment(p, terminal(p));
  return {
    kind: o.kind,
    ...(o.store ? { store: o.store } : {}),
    ...(o.kind === 'Z' && o.number !== undefined ? { number: o.number } : {}),
    label: o.kind === 'Z' && o.number !== undefined ? zLabel(o.number) : 'X report',
    shiftId: shift.id,
    till: shift.till,
    openedAt: shift.openedAt,
    ...(shift.openedBy ? { openedBy: shift.openedBy.name } : {}),
    ...(o.kind === 'Z' ? { closedAt: o.now } : {}),
    ...(o.kind === 'Z' && o.closedBy ? { closedBy: o.closedBy } : {}),
    producedAt: o.now,
    approved: tally(approved, () => 'all'),
    byMethod: tally(approved, (p) => p.paymentMethod),
    byTerminal: tally(approved, terminal),
    byCashier: tally(approved, (p) => cashierName(p) ?? NO_CASHIER),
    notTaken: tally(
      payments.filter((p) => NOT_TAKEN_STATES.includes(p.state)),
      (p) => p.state,
    ),
    voids: payments.filter((p) => p.state === 'voided').map((p) => ({ ...line(p), ...(p.voidReason ? { reason: p.voidReason } : {}) })),
    handSettled: payments.filter((p) => p.resolution?.by === 'cashier').map(line),
    unresolved: payments.filter(isUnresolved).map(line),
    cash: cashLines(shift, approved, o.countedCashMinor),
    ...(o.unresolvedApproval ? { unresolvedApproval: o.unresolvedApproval } : {}),
  };
}

/** Count and amount per (key, currency), sorted so two runs over the same payments read the same. */
export function tally(payments: readonly PaymentView[], keyOf: (p: PaymentView) => string): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const p of payments) {
    const key = keyOf(p);
    const id = `${key}\u0000${p.currency}`;
    const row = rows.get(id) ?? { key, currency: p.currency, count: 0, amountMinor: 0 };
    row.count += 1;
    row.amountMinor += p.amountMinor;
    rows.set(id, row);
  }
  return [...rows.values()].sort((a, b) => (a.key === b.key ? cmp(a.currency, b.currency) : cmp(a.key, b.key)));
}

/** Expected cash per currency: the float (in the shift's currency) plus approved CASH payments. */
function cashLines(shift: ShiftView, approved: readonly PaymentView[], countedCashMinor: number | undefined): CashLine[] {
  const cash = approved.filter((p) => p.paymentMethod === 'CASH');
  const currencies = [...new Set([shift.currency, ...cash.map((p) => p.currency)])].sort((a, b) =>
    a === shift.currency ? -1 : b === shift.currency ? 1 : cmp(a, b),
  );
  return currencies.map((currency) => {
    const floatMinor = currency === shift.currency ? shift.floatMinor : 0;
    const cashTakenMinor = cash.filter((p) => p.currency === currency).reduce((sum, p) => sum + p.amountMinor, 0);
    const expectedMinor = floatMinor + cashTakenMinor;
    const counted = currency === shift.currency && countedCashMinor !== undefined ? countedCashMinor : undefined;
    return {
      currency,
      floatMinor,
      cashTakenMinor,
      expectedMinor,
      ...(counted !== undefined ? { countedMinor: counted, differenceMinor: counted - expectedMinor } : {}),
    };
  });
}

function reportPayment(p: PaymentView, terminal: string): ReportPayment {
  const cashier = cashierName(p);
  const approvedBy = approverName(p);
  const reason = p.resolution?.reason;
  return {
    transactionId: p.transactionId,
    orderRef: p.orderRef,
    terminal,
    amountMinor: p.amountMinor,
    currency: p.currency,
    method: p.paymentMethod,
    state: p.state,
    at: p.createdAt,
    ...(cashier ? { cashier } : {}),
    ...(reason ? { reason } : {}),
    ...(approvedBy ? { approvedBy } : {}),
  };
}

function terminalName(terminalId: string, label: ReportOptions['terminalLabel']): string {
  const name = (label?.(terminalId) ?? terminalId).trim();
  return name === '' ? NO_TERMINAL : name;
}

// `cashier` and `resolution.approvedBy` come from the sign-in work (shared payment fields); a
// journal written before them has neither, and their exact shape is read defensively.
function cashierName(p: PaymentView): string | undefined {
  return nameOf((p as { cashier?: unknown }).cashier);
}

function approverName(p: PaymentView): string | undefined {
  return nameOf((p.resolution as { approvedBy?: unknown } | undefined)?.approvedBy);
}

function nameOf(value: unknown): string | undefined {
  const name = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
