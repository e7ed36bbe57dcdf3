import type { PaymentLedger } from '../payments/ledger';
import type { Clock, TimerHandle } from '../ports';
import type { ErrorAttributor } from './error-attribution';

/**
 * §10.1: a payment frame gets no acknowledgement, only silence. When its error window passes
 * without an error frame, the payment (and any other whose window also passed) counts as
 * delivered to the terminal.
 */
export class DeliveryWatch {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly attributor: ErrorAttributor,
    private readonly ledger: PaymentLedger,
    private readonly errorWindowMs: number,
  ) {}

  watch(transactionId: string): void {
    const delivered = () => {
      this.timers.delete(transactionId);
      for (const id of this.attributor.expire(this.clock.elapsed())) this.ledger.apply(id, { type: 'delivered' });
      this.ledger.apply(transactionId, { type: 'delivered' });
    };
    this.timers.set(transactionId, this.clock.setTimeout(delivered, this.errorWindowMs));
  }

  /** The payment's fate is known another way (a result, a refusal, the link went down). */
  settle(transactionId: string): void {
    this.clock.clearTimeout(this.timers.get(transactionId));
    this.timers.delete(transactionId);
  }

  settleAll(): void {
    for (const id of [...this.timers.keys()]) this.settle(id);
  }
}
