import type { DeliveryWatch } from '../inbound/delivery-watch';
import type { ErrorAttributor } from '../inbound/error-attribution';
import type { LedgerChange } from '../payments/ledger';
import type { OrderBook } from '../payments/order-book';
import { mayStillBeRefused } from '../payments/transitions';
import type { PaymentRecord } from '../payments/types';
import { toPaymentView } from '../payments/view';
import type { PrintPolicy } from '../receipts/print-policy';
import type { TerminalViews } from '../terminals/terminal-views';
import type { EventStream } from './event-stream';

export interface LedgerEventsDeps {
  events: EventStream;
  orders: OrderBook;
  terminals: TerminalViews;
  attributor: ErrorAttributor;
  delivery: DeliveryWatch;
  printPolicy: PrintPolicy;
}

/**
 * What follows from each ledger change: the payment, order and terminal events the renderer
 * shows, the end of the error window once the gateway accepted the payment, and auto-print.
 */
export class LedgerEvents {
  private readonly previousStates = new Map<string, string>();

  constructor(private readonly deps: LedgerEventsDeps) {}

  /** Payments replayed from the journal: their state is known, not a live change. */
  restored(payments: readonly PaymentRecord[]): void {
    for (const p of payments) {
      this.previousStates.set(p.transactionId, p.state);
      this.deps.orders.noteAttempt(p);
    }
  }

  onChange(change: LedgerChange): void {
    const { events, orders, terminals, attributor, delivery } = this.deps;
    if (change.kind === 'alert') {
      events.emit({ type: 'alert', alert: change.alert });
      return;
    }
    const p = change.payment;
    const before = this.previousStates.get(p.transactionId);
    this.previousStates.set(p.transactionId, p.state);
    events.emit({ type: 'payment', payment: toPaymentView(p) });
    orders.noteAttempt(p);
    events.emit({ type: 'order', order: orders.view(p.orderRef), nextOrderRef: orders.nextOrderRef() });
    if (before !== p.state) {
      terminals.refresh([p.terminalId]);
      // Still a candidate for an error frame until the gateway shows it accepted it (rule 5).
      if (!mayStillBeRefused(p.state)) {
        attributor.settle(p.transactionId);
        delivery.settle(p.transactionId);
      }
    }
    this.deps.printPolicy.onStateChange(p, before);
  }
}
