import type { ErrorFrame } from '../../../shared/protocol';
import type { PaymentLedger } from '../payments/ledger';
import type { Clock, Logger } from '../ports';
import type { TerminalViews } from '../terminals/terminal-views';
import type { DeliveryWatch } from './delivery-watch';
import type { ErrorAttributor } from './error-attribution';

export interface ErrorFramesDeps {
  clock: Clock;
  logger: Logger;
  attributor: ErrorAttributor;
  delivery: DeliveryWatch;
  ledger: PaymentLedger;
  terminals: TerminalViews;
  /** Runs recovery (an error that could be either command's: look the payments up). */
  recover: (trigger: 'ambiguous') => void;
  noteError: (message: string) => void;
}

/**
 * §10.1: an error frame carries no id. It is pinned on a payment only when nothing else could
 * have caused it; the refusal the cashier reads says in plain words why and that the customer
 * was not charged.
 */
export class ErrorFrames {
  constructor(private readonly deps: ErrorFramesDeps) {}

  handle(frame: ErrorFrame): void {
    const { attributor, clock, logger, delivery, ledger } = this.deps;
    const a = attributor.attribute(frame, clock.now());
    logger.warn('frame.error_attributed', { to: a.to, title: a.title, message: a.message, ...(a.to === 'payment' ? { transactionId: a.transactionId } : {}) });
    if (a.to === 'ambiguous') {
      for (const id of a.transactionIds) {
        delivery.settle(id);
        ledger.apply(id, { type: 'ambiguousError', message: a.message });
      }
      this.deps.recover('ambiguous');
      return;
    }
    if (a.to !== 'payment') {
      if (a.to === 'none') this.deps.noteError(`Gateway error: ${a.title} — ${a.message}`);
      return;
    }
    ledger.apply(a.transactionId, { type: 'rejected', message: this.refusal(a.title, a.message, a.terminalId) });
  }

  /** The cashier's sentence for a refused payment, and what the refusal tells about the terminal. */
  private refusal(title: string, message: string, terminalId: string): string {
    if (/not found/i.test(title) || /connection not found/i.test(message)) {
      this.deps.terminals.markGone(terminalId);
      return 'The terminal is not connected to the gateway. The customer was not charged.';
    }
    if (/forbidden/i.test(title) || /different group/i.test(message)) {
      const plain = 'This terminal belongs to another store group. Check the group in Settings. The customer was not charged.';
      this.deps.noteError(plain);
      return plain;
    }
    if (/in progress|conflict/i.test(`${title} ${message}`)) {
      return 'The terminal is already busy with another payment. The customer was not charged for this one.';
    }
    return `The gateway refused the payment: ${message}. The customer was not charged.`;
  }
}
