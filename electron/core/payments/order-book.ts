import type { OrderApproval, OrderView, PaymentView } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';
import { dayKey } from '../journal/journal';
import type { Clock } from '../ports';
import type { PaymentLedger } from './ledger';

/** Register code used when the host gives none: the first register of a store. */
export const DEFAULT_REGISTER_CODE = 'R1';

/**
 * The one place an order's standing is derived (money-truth rules 3 and 4, DESIGN.md rule 10):
 * from every attempt for its reference made today, not from whichever payment a screen holds.
 * Also hands out the default order references: register code + a per-day counter ("R1-0042"),
 * short enough to read aloud, never reused within a day on this register.
 */
export class OrderBook {
  /** Highest generated counter used per local day, so a restart continues where it stopped. */
  /** Highest generated counter used per register code and local day ("R2|2026-12-01"). */
  private counters = new Map<string, number>();

  /**
   * `registerCode` is read at each use: store IT may change it (settings `registerCode`), and a
   * renamed register's numbering starts again under its new code without clashing with the old.
   */
  constructor(
    private readonly ledger: PaymentLedger,
    private readonly clock: Clock,
    private readonly registerCode: () => string = () => DEFAULT_REGISTER_CODE,
  ) {}

  /** Called for every payment the ledger holds or changes: keeps the counters in step. */
  noteAttempt(p: PaymentView): void {
    const generated = /^([A-Za-z0-9]{1,8})-(\d{1,9})$/.exec(p.orderRef);
    if (!generated) return;
    const key = `${generated[1]}|${dayKey(p.createdAt)}`;
    this.counters.set(key, Math.max(this.counters.get(key) ?? 0, Number(generated[2])));
  }

  nextOrderRef(): string {
    const code = this.registerCode() || DEFAULT_REGISTER_CODE;
    const used = this.counters.get(`${code}|${dayKey(this.clock.now())}`) ?? 0;
    return `${code}-${String(used + 1).padStart(4, '0')}`;
  }

  view(orderRef: string): OrderView {
    return deriveOrder(orderRef, this.ledger.attemptsFor(orderRef), dayKey(this.clock.now()));
  }

  /** Every order with an attempt today, in the order of its first attempt. */
  all(): OrderView[] {
    const today = dayKey(this.clock.now());
    const refs = new Set(
      this.ledger
        .list()
        .filter((p) => dayKey(p.createdAt) === today)
        .map((p) => p.orderRef),
    );
    return [...refs].map((ref) => this.view(ref));
  }

  /**
   * Rule 4: an order already paid today takes another payment only with the cashier's explicit
   * Yes. The renderer asks before it sends; this is the core's own guard for every caller.
   */
  refusal(
    orderRef: string,
    confirmed: boolean | undefined,
    terminalLabel: (id: string) => string,
  ): { code: 'order_already_paid'; message: string } | undefined {
    if (confirmed) return undefined;
    const first = this.view(orderRef).approvals[0];
    if (!first) return undefined;
    const when = new Date(first.at).toTimeString().slice(0, 5);
    return {
      code: 'order_already_paid',
      message: `Order ${orderRef} was already paid ${toWireAmount(first.amountMinor, first.currency)} ${first.currency} at ${when} on ${terminalLabel(first.terminalId)}. Take another payment for it only if the customer agrees; confirm to go ahead.`,
    };
  }
}

/** Pure: the standing of one order from its attempts (any order, any day mix). */
export function deriveOrder(orderRef: string, attempts: readonly PaymentView[], today: string): OrderView {
  const approvals: OrderApproval[] = attempts
    .filter((p) => p.orderRef === orderRef && p.state === 'approved' && dayKey(p.createdAt) === today)
    .map((p) => ({ transactionId: p.transactionId, terminalId: p.terminalId, amountMinor: p.amountMinor, currency: p.currency, at: p.updatedAt }))
    .sort((a, b) => a.at - b.at);
  const status = approvals.length === 0 ? 'not_paid' : approvals.length === 1 ? 'paid' : 'paid_more_than_once';
  return { orderRef, status, approvals };
}
