import { msg, type Msg } from '../../../shared/i18n/message';
import type { ErrorFrame } from '../../../shared/protocol';
import { english } from '../i18n/english';
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
    const a = attributor.attribute(frame, clock.elapsed());
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
    ledger.apply(a.transactionId, { type: 'rejected', why: this.refusal(a.title, a.message, a.terminalId) });
  }

  /** The cashier's sentence for a refused payment, and what the refusal tells about the terminal. */
  private refusal(title: string, message: string, terminalId: string): Msg {
    if (/not found/i.test(title) || /connection not found/i.test(message)) {
      this.deps.terminals.markGone(terminalId);
      return msg('core.payment.refused_not_connected');
    }
    if (/forbidden/i.test(title) || /different group/i.test(message)) {
      const otherGroup = msg('core.payment.refused_other_group');
      this.deps.noteError(english(otherGroup));
      return otherGroup;
    }
    if (/in progress|conflict/i.test(`${title} ${message}`)) return msg('core.payment.refused_busy');
    // The gateway's own words, as they are, inside our sentence.
    return msg('core.payment.refused_by_gateway', { message });
  }
}
