import { errorText, type ErrorFrame } from '../../../shared/protocol';

/**
 * §10.1: error frames carry no request id. We keep a small FIFO of outstanding commands and give
 * an error to the oldest one that fits its text. A `payment` with no error within the window
 * counts as delivered (OQ-4). Every `sentAt` and `now` here is Clock.elapsed(), never the wall
 * clock: the window is a span of time passing, and someone setting the PC's clock must not move
 * whose an error is (error-window-clock.test.ts).
 */
export type Outstanding = { kind: 'payment'; transactionId: string; terminalId: string; sentAt: number } | { kind: 'getTerminals'; sentAt: number };

export type Attribution =
  | { to: 'payment'; transactionId: string; terminalId: string; title: string; message: string }
  /** Several payments could own this error: guessing could tell a charged customer "not charged". */
  | { to: 'ambiguous'; transactionIds: string[]; title: string; message: string }
  | { to: 'getTerminals'; title: string; message: string }
  | { to: 'none'; title: string; message: string };

const PAYMENT_HINT = /terminal|paymentRequest|group|payment|transactionId|amount|currency/i;
/** Errors about the frame itself (not its meaning) may belong to any command. */
const GENERIC_HINT = /invalid json|unknown action|too large/i;

export class ErrorAttributor {
  private queue: Outstanding[] = [];

  constructor(private readonly windowMs: number) {}

  sent(item: Outstanding): void {
    this.queue.push(item);
  }

  /** Drops what fell out of the window; returns the payments now deemed delivered. */
  expire(now: number): string[] {
    const delivered: string[] = [];
    this.queue = this.queue.filter((item) => {
      if (now - item.sentAt < this.windowMs) return true;
      if (item.kind === 'payment') delivered.push(item.transactionId);
      return false;
    });
    return delivered;
  }

  /** True while a payment may still be answered by an error frame (the core sends one at a time). */
  hasPaymentInWindow(now: number): boolean {
    return this.queue.some((i) => i.kind === 'payment' && now - i.sentAt < this.windowMs);
  }

  /** The link dropped: nothing outstanding can be answered any more. */
  clear(): void {
    this.queue = [];
  }

  /** A payment got its result (or was settled otherwise): it no longer waits for an error. */
  settle(transactionId: string): void {
    this.queue = this.queue.filter((i) => !(i.kind === 'payment' && i.transactionId === transactionId));
  }

  attribute(frame: ErrorFrame, now: number): Attribution {
    this.expire(now);
    const { title, message } = errorText(frame);
    const text = `${title} ${message}`;
    const generic = GENERIC_HINT.test(text);
    const wantsPayment = PAYMENT_HINT.test(text);
    const fits = this.queue.filter((i) => generic || (wantsPayment ? i.kind === 'payment' : i.kind === 'getTerminals'));
    const payments = fits.filter((i): i is Extract<Outstanding, { kind: 'payment' }> => i.kind === 'payment');
    // A payment error when two payments are outstanding, or a generic error when a payment and a
    // getTerminals are: no way to know whose it is (found by the chaos run), so none is "rejected".
    if (payments.length > 1 || (payments.length === 1 && fits.length > 1)) {
      this.queue = this.queue.filter((i) => !payments.includes(i as never));
      return { to: 'ambiguous', transactionIds: payments.map((p) => p.transactionId), title, message };
    }
    const index = fits.length ? this.queue.indexOf(fits[0]!) : -1;
    if (index < 0) return { to: 'none', title, message };
    const [item] = this.queue.splice(index, 1);
    if (item!.kind === 'payment') return { to: 'payment', transactionId: item!.transactionId, terminalId: item!.terminalId, title, message };
    return { to: 'getTerminals', title, message };
  }
}
