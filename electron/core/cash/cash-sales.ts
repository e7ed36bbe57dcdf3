import { basketRefusal } from '../catalog/basket-frame';
import { refusalAnswer } from '../people/approvals';
import type { PeopleService } from '../people/people-service';
import type { CommandRequest, CommandResult, PaymentView, StartPaymentRequest } from '../../../shared/ipc';
import { uuidv7 } from '../../../shared/ids';
import { toWireAmount } from '../../../shared/money';
import { formatMoneyIn } from '../../../shared/i18n/format';
import { fail, ok, refuse } from '../commands/command-result';
import type { PaymentLedger } from '../payments/ledger';
import type { OrderBook } from '../payments/order-book';
import { beginJournaled } from '../payments/payment-commands';
import { toPaymentView } from '../payments/view';
import type { Clock, Logger, Settings } from '../ports';
import type { PrintPolicy } from '../receipts/print-policy';

/** Where a cash sale is "taken": the till's drawer, never a terminal (order messages read "on Cash drawer"). */
export const CASH_DRAWER_ID = 'Cash drawer';

export interface CashSalesDeps {
  clock: Clock;
  logger: Logger;
  ledger: PaymentLedger;
  orders: OrderBook;
  printPolicy: PrintPolicy;
  terminalLabel: (id: string) => string;
  demo: () => boolean;
  noteError: (message: string) => void;
  /** People: who is signed in, and the manager's approval of a second payment for a paid order. */
  people: Pick<PeopleService, 'mayWork' | 'current' | 'authorize'>;
  /** The till's locale in effect, for the amounts placed in a refusal (default en-US). */
  locale?: () => string;
}

/**
 * Cash is cash (till: cash tender): the cashier counts the notes, the core records the sale with
 * the change due, journals it (it survives a restart like any payment) and prints its receipt.
 * Nothing goes to the gateway, so a cash sale needs no link, no terminal and no API key; it is
 * still an order's approval (rule 4: a paid order is asked about before it is paid again).
 */
export class CashSales {
  constructor(private readonly deps: CashSalesDeps) {}

  record(req: CommandRequest<'recordCashSale'>): CommandResult<PaymentView> {
    const { clock, ledger, orders, logger } = this.deps;
    try {
      toWireAmount(req.amountMinor, req.currency);
      toWireAmount(req.tenderedMinor, req.currency);
    } catch (err) {
      return refuse('invalid_request', 'services.cash.amount_invalid', { problem: String(err) });
    }
    if (req.tenderedMinor < req.amountMinor) {
      const locale = this.deps.locale?.() || 'en-US';
      const money = (minor: number) => formatMoneyIn(locale, minor, req.currency);
      return refuse('invalid_request', 'services.cash.tendered_short', { tendered: money(req.tenderedMinor), due: money(req.amountMinor) });
    }
    const basketRefused = basketRefusal(req);
    if (basketRefused) return fail('invalid_request', basketRefused);
    const nobody = this.deps.people.mayWork();
    if (!nobody.ok) return refusalAnswer('not_allowed', nobody);
    const orderRef = req.orderRef?.trim() || orders.nextOrderRef();
    if (req.repeatPaymentConfirmed && orders.refusal(orderRef, false, (id) => id)) {
      const approved = this.deps.people.authorize('repeatPayment', req.approval, orderRef);
      if (!approved.ok) return refuse('not_allowed', 'services.cash.repeat_needs_manager', { orderRef });
    }
    const refused = ledger.refusal({ terminalId: CASH_DRAWER_ID, orderRef }) ?? orders.refusal(orderRef, req.repeatPaymentConfirmed, this.deps.terminalLabel);
    if (refused) return fail(refused.code, refused.message);
    const transactionId = `cash-${uuidv7(clock.now())}`;
    const cashier = this.deps.people.current();
    const cash = { tenderedMinor: req.tenderedMinor, changeMinor: req.tenderedMinor - req.amountMinor };
    const sale = {
      transactionId,
      orderRef,
      terminalId: CASH_DRAWER_ID,
      amountMinor: req.amountMinor,
      currency: req.currency,
      paymentMethod: 'CASH' as const,
      cash,
      ...(cashier ? { cashier } : {}),
      ...(req.lines?.length ? { lines: req.lines } : {}),
    };
    const notSaved = beginJournaled(
      this.deps,
      { ...sale, ...(this.deps.demo() ? { demo: true } : {}) },
      'The cash sale could not be saved to disk. Keep the money apart, check the disk and record it again.',
    );
    if (notSaved) return notSaved;
    logger.info('audit.cash_sale', { transactionId, orderRef, amountMinor: req.amountMinor, currency: req.currency, ...cash });
    this.deps.printPolicy.onCashSale(transactionId);
    return ok(toPaymentView(ledger.get(transactionId)!));
  }
}

/**
 * The core's own guard on what goes to a terminal: never Cash (the terminal would ask for a card),
 * and Mobile or Other only where the store enabled them in Settings.
 */
export function terminalMethodRefusal(req: Pick<StartPaymentRequest, 'paymentMethod'>, settings: Settings): CommandResult<never> | undefined {
  const method = req.paymentMethod;
  if (method === 'CARD') return undefined;
  if (method === 'CASH') return refuse('invalid_request', 'services.cash.not_to_terminal');
  if (settings.terminalMethods?.includes(method)) return undefined;
  return refuse('not_allowed', method === 'MOBILE' ? 'services.cash.mobile_off' : 'services.cash.other_off');
}
