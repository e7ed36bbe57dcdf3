import type { CommandRequest, CommandResponse, CommandResult, PaymentView } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import { toWireAmount } from '../../../shared/money';
import type { PaymentFrame } from '../../../shared/protocol';
import { basketRefusal, withProducts } from '../catalog/basket-frame';
import { fail, ok, refuse } from '../commands/command-result';
import { msg, type Msg } from '../../../shared/i18n/message';
import type { GatewayConnection } from '../connection/gateway-connection';
import type { DeliveryWatch } from '../inbound/delivery-watch';
import type { ErrorAttributor } from '../inbound/error-attribution';
import { JournalUnavailableError } from '../journal/journal-guard';
import type { PaymentPauses } from '../payment-pauses';
import type { Clock, Logger } from '../ports';
import type { Recovery } from '../recovery/recovery';
import type { TerminalRegistry } from '../terminals/terminal-registry';
import type { TerminalViews } from '../terminals/terminal-views';
import type { NewPayment, PaymentLedger } from './ledger';
import type { OrderBook } from './order-book';
import type { PeopleService } from '../people/people-service';
import { toPaymentView } from './view';

export interface PaymentCommandsDeps {
  clock: Clock;
  logger: Logger;
  ledger: PaymentLedger;
  orders: OrderBook;
  registry: TerminalRegistry;
  terminals: TerminalViews;
  connection: GatewayConnection;
  attributor: ErrorAttributor;
  delivery: DeliveryWatch;
  recovery: Recovery;
  pauses: PaymentPauses;
  /** Demo-mode payments are marked so (their slips say DEMO). */
  demo: () => boolean;
  noteError: (message: string) => void;
  /** People: who is signed in, and the manager's approvals this till's commands need. */
  people: Pick<PeopleService, 'mayWork' | 'current' | 'authorize'>;
}

type Answer<K extends 'startPayment' | 'resolvePayment' | 'checkPaymentNow' | 'acknowledgeAlert' | 'stopWaiting'> = Promise<CommandResult<CommandResponse<K>>>;

/** The cashier's payment commands: start one, settle an unknown one, look one up, acknowledge a void. */
export class PaymentCommands {
  constructor(private readonly deps: PaymentCommandsDeps) {}

  async start(req: CommandRequest<'startPayment'>): Answer<'startPayment'> {
    const { clock, ledger, orders, terminals, attributor } = this.deps;
    const refusedLink = this.linkRefusal(req.terminalId);
    if (refusedLink) return refusedLink;
    const nobody = this.deps.people.mayWork();
    if (!nobody.ok) return fail('not_allowed', nobody.message);
    const orderRef = req.orderRef?.trim() || orders.nextOrderRef();
    const repeat = this.repeatRefusal(req, orderRef);
    if (repeat) return repeat;
    const refused =
      ledger.refusal({ terminalId: req.terminalId, orderRef }) ?? orders.refusal(orderRef, req.repeatPaymentConfirmed, (id) => terminals.label(id));
    if (refused) return 'msg' in refused ? { ok: false, error: refused } : fail(refused.code, refused.message);
    // §10.1: error frames carry no id, so only one payment may be waiting for a possible error
    // at a time; otherwise an error about one terminal could mark another's payment "not charged".
    if (attributor.hasPaymentInWindow(clock.elapsed())) {
      return refuse('register_busy', 'core.refusal.register_busy');
    }
    let amount: string;
    try {
      amount = toWireAmount(req.amountMinor, req.currency);
    } catch (err) {
      return refuse('invalid_request', 'core.refusal.invalid_amount', { problem: String(err) });
    }
    const basketRefused = basketRefusal(req);
    if (basketRefused) return fail('invalid_request', basketRefused);
    const transactionId = uuidv7(clock.now());
    const notSaved = this.journalFirst(transactionId, orderRef, req);
    if (notSaved) return notSaved;
    const paymentRequest = { transactionId, amount, currency: req.currency, paymentMethod: req.paymentMethod, metadata: { orderId: orderRef } };
    return this.send(transactionId, orderRef, withProducts({ action: 'payment', terminalId: req.terminalId, paymentRequest }, req.lines));
  }

  async resolve(req: CommandRequest<'resolvePayment'>): Answer<'resolvePayment'> {
    const p = this.deps.ledger.get(req.transactionId);
    if (!p) return refuse('not_found', 'core.refusal.not_found');
    if (p.state !== 'unknown' && p.state !== 'needs_review') return refuse('not_allowed', 'core.refusal.not_unknown', { state: p.state });
    const nobody = this.deps.people.mayWork();
    if (!nobody.ok) return fail('not_allowed', nobody.message);
    const approved = this.deps.people.authorize('resolvePayment', req.approval, req.transactionId);
    if (!approved.ok) return refuse('not_allowed', 'core.refusal.manager_to_settle', { problem: approved.message });
    const cashier = this.deps.people.current();
    this.deps.ledger.apply(req.transactionId, {
      type: 'cashier',
      outcome: req.outcome,
      reason: req.reason,
      ...(cashier ? { cashier } : {}),
      ...(approved.approver ? { approvedBy: approved.approver } : {}),
    });
    return ok(this.view(req.transactionId));
  }

  async checkNow(req: CommandRequest<'checkPaymentNow'>): Answer<'checkPaymentNow'> {
    if (!this.deps.ledger.get(req.transactionId)) return refuse('not_found', 'core.refusal.not_found');
    const result = await this.deps.recovery.checkOne(req.transactionId);
    if (!result.checked && result.message) this.deps.logger.info('audit.check_now', { transactionId: req.transactionId, message: result.message });
    return ok(this.view(req.transactionId));
  }

  /**
   * The gateway has no cancel: the cashier gives up waiting here, nothing is sent. The payment is
   * abandoned (not charged as far as this till knows); a later SUCCESS for it goes to needs_review.
   */
  async stopWaiting(req: CommandRequest<'stopWaiting'>): Answer<'stopWaiting'> {
    const p = this.deps.ledger.get(req.transactionId);
    if (!p) return refuse('not_found', 'core.refusal.not_found');
    if (p.state !== 'sent' && p.state !== 'awaiting_result' && p.state !== 'terminal_reconnecting')
      return refuse('not_allowed', 'core.refusal.not_waiting', { state: p.state });
    this.deps.ledger.apply(req.transactionId, { type: 'stopWaiting' });
    return ok(this.view(req.transactionId));
  }

  async acknowledgeAlert(req: CommandRequest<'acknowledgeAlert'>): Answer<'acknowledgeAlert'> {
    // Never refused for want of a sign-in: the void alert is the one nobody can miss, even over the lock.
    const acked = this.deps.ledger.acknowledge(req.alertId, this.deps.people.current());
    return acked ? ok({ done: true as const }) : refuse('not_found', 'core.refusal.alert_gone');
  }

  private view(transactionId: string): PaymentView {
    return toPaymentView(this.deps.ledger.get(transactionId)!);
  }

  /** People: "take another payment for a paid order" is the manager's call when roles are on. */
  private repeatRefusal(req: CommandRequest<'startPayment'>, orderRef: string): CommandResult<never> | undefined {
    if (!req.repeatPaymentConfirmed || !this.deps.orders.refusal(orderRef, false, (id) => id)) return undefined;
    const approved = this.deps.people.authorize('repeatPayment', req.approval, orderRef);
    return approved.ok ? undefined : refuse('not_allowed', 'core.refusal.manager_to_repeat', { order: orderRef, problem: approved.message });
  }

  /** Paused, offline, the list not yet fresh, or the terminal not payable: nothing is journaled. */
  private linkRefusal(terminalId: string): CommandResult<never> | undefined {
    const blocked = this.deps.pauses.current()[0];
    if (blocked) return { ok: false, error: { code: 'payments_paused', message: blocked.message, ...(blocked.messageMsg ? { msg: blocked.messageMsg } : {}) } };
    if (!this.deps.connection.isOpen()) return refuse('offline', 'core.refusal.offline');
    if (!this.deps.terminals.isSynced()) return refuse('offline', 'core.refusal.refreshing');
    const presence = this.deps.registry.presence(terminalId);
    if (presence === 'online') return undefined;
    const key =
      presence === 'reconnecting'
        ? 'core.refusal.terminal_reconnecting'
        : presence === 'offline'
          ? 'core.refusal.terminal_offline'
          : 'core.refusal.terminal_unknown';
    return refuse('terminal_unavailable', key, { terminal: terminalId });
  }

  /** Rule 1: journaled and fsynced BEFORE the frame exists on the wire. */
  private journalFirst(transactionId: string, orderRef: string, req: CommandRequest<'startPayment'>): CommandResult<never> | undefined {
    const { terminalId, amountMinor, currency, paymentMethod } = req;
    const cashier = this.deps.people.current();
    const payment = {
      transactionId,
      orderRef,
      terminalId,
      amountMinor,
      currency,
      paymentMethod,
      ...(req.lines?.length ? { lines: req.lines } : {}),
      ...(this.deps.demo() ? { demo: true } : {}),
      ...(cashier ? { cashier } : {}),
    };
    return beginJournaled(this.deps, payment, msg('core.refusal.not_saved'));
  }

  /** The one `payment` frame of this payment: sent once, never queued or re-sent. */
  private send(transactionId: string, orderRef: string, frame: PaymentFrame): CommandResult<CommandResponse<'startPayment'>> {
    const { attributor, connection, ledger, clock } = this.deps;
    attributor.sent({ kind: 'payment', transactionId, terminalId: frame.terminalId, sentAt: clock.elapsed() });
    if (!connection.send(frame)) {
      attributor.settle(transactionId);
      ledger.apply(transactionId, { type: 'rejected', why: msg('core.payment.not_sent_link_dropped') });
      return refuse('offline', 'core.refusal.link_dropped');
    }
    this.deps.delivery.watch(transactionId);
    return ok({ transactionId, orderRef });
  }
}

/**
 * Begins a payment in the ledger (journaled and fsynced), or says why it could not be saved: a
 * journal that refuses writes pauses payments; any other failure is the disk's (nothing is lost,
 * the caller did nothing yet). Card payments and cash sales both start here.
 */
export function beginJournaled(
  deps: Pick<PaymentCommandsDeps, 'ledger' | 'logger' | 'noteError'>,
  payment: NewPayment,
  /** What the cashier reads when the disk failed: a code (or, from older callers, English). */
  notSaved: string | Msg,
): CommandResult<never> | undefined {
  try {
    deps.ledger.begin(payment);
    return undefined;
  } catch (err) {
    if (err instanceof JournalUnavailableError) {
      deps.noteError(err.message);
      return fail('payments_paused', err.message);
    }
    deps.logger.error('journal.write_failed', { message: String(err) });
    deps.noteError('Could not save the payment to disk');
    return typeof notSaved === 'string' ? fail('internal', notSaved) : refuse('internal', notSaved.key, notSaved.values);
  }
}
