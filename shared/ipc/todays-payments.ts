import { OPEN_PAYMENT_STATES, type PaymentState } from './model';

/** The local calendar day of a moment, "2026-01-15": the journal's file name and "today" everywhere. */
export function localDayKey(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * "Today's payments", the one rule the main process (which payments it keeps in memory and in
 * snapshots) and the renderer (History, End of day) share: created today, or still needing the
 * cashier — open, waiting for review, or with a void alert nobody has acknowledged yet.
 */
export function isTodaysPayment(payment: { createdAt: number; state: PaymentState }, today: string, hasOpenAlert: boolean): boolean {
  return localDayKey(payment.createdAt) === today || OPEN_PAYMENT_STATES.includes(payment.state) || payment.state === 'needs_review' || hasOpenAlert;
}
