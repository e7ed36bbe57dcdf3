import type { ServerActionFrame } from '../../../shared/protocol';
import type { ConnectionEvent } from '../connection/types';
import type { EventStream } from '../events/event-stream';
import type { PaymentLedger } from '../payments/ledger';
import type { Clock, Logger } from '../ports';
import type { TerminalViews } from '../terminals/terminal-views';
import type { DeliveryWatch } from './delivery-watch';
import type { ErrorAttributor } from './error-attribution';
import type { ErrorFrames } from './error-frames';

export interface InboundRouterDeps {
  clock: Clock;
  logger: Logger;
  events: EventStream;
  attributor: ErrorAttributor;
  delivery: DeliveryWatch;
  ledger: PaymentLedger;
  terminals: TerminalViews;
  errorFrames: ErrorFrames;
  recover: (trigger: 'reconnect') => void;
  noteError: (message: string) => void;
}

/** Where everything the gateway connection reports goes: link states, frames, error frames. */
export class InboundRouter {
  constructor(private readonly deps: InboundRouterDeps) {}

  onConnectionEvent(e: ConnectionEvent): void {
    const { events, attributor, clock, terminals, delivery, ledger } = this.deps;
    switch (e.type) {
      case 'state':
        events.emit({ type: 'connection', connection: e.view });
        if (e.view.state === 'auth_failed' || e.view.state === 'displaced') this.deps.noteError(e.view.reason ?? e.view.state);
        return;
      case 'sent':
        if (e.frame.action === 'getTerminals') attributor.sent({ kind: 'getTerminals', sentAt: clock.elapsed() });
        return;
      case 'open':
        terminals.onLinkOpen();
        this.deps.recover('reconnect');
        return;
      case 'down':
        attributor.clear();
        delivery.settleAll();
        for (const p of ledger.open()) ledger.apply(p.transactionId, { type: 'linkLost' });
        terminals.refresh();
        return;
      case 'frame':
        this.onFrame(e.frame);
        return;
      case 'errorFrame':
        this.deps.errorFrames.handle(e.frame);
        return;
    }
  }

  private onFrame(frame: ServerActionFrame): void {
    const { terminals, ledger, logger } = this.deps;
    switch (frame.action) {
      case 'terminalsResponse':
        terminals.onList(frame);
        return;
      case 'terminalStatusUpdate':
        terminals.onStatusUpdate(frame);
        return;
      case 'paymentComplete': {
        const id = frame.paymentResponse.transactionId;
        if (!ledger.get(id)) return logger.info('frame.foreign_payment', { transactionId: id });
        ledger.apply(id, { type: 'result', response: frame.paymentResponse, via: 'push' });
        return;
      }
      case 'paymentVoided':
        if (!ledger.get(frame.transactionId)) return logger.info('frame.foreign_void', { transactionId: frame.transactionId });
        ledger.apply(frame.transactionId, { type: 'voided', via: 'push', reason: frame.reason ?? 'Voided by the gateway' });
        return;
      default:
        return;
    }
  }
}
