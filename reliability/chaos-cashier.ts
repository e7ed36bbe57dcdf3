import { CHECK_TERMINAL } from '../electron/core/recovery/recovery';
import type { CoreHarness } from '../electron/core/testing/harness';
import { FINAL_PAYMENT_STATES, type PaymentView } from '../shared/ipc';
import type { SimulatorHandle, SimTransaction } from '../simulator/api';
import type { CoreObserver } from './core-observer';
import { chooseScript, TERMINAL_BEHAVIOURS, type TerminalBehaviour } from './fault-scheduler';
import type { Rng } from './rng';

/** What the chaos run's cashiers work with, and the rules of the run they follow. */
export interface CashierRun {
  core: CoreHarness['core'];
  sim: SimulatorHandle;
  observer: CoreObserver;
  withSecret: boolean;
  /** Orders to take in all (shared by every terminal). */
  payments: number;
  seed: number;
  graceMs: number;
  maxAttempts: number;
  orderLimitMs: number;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isFinal(p: PaymentView | undefined): boolean {
  return p !== undefined && FINAL_PAYMENT_STATES.includes(p.state);
}
const NOT_CHARGED = new Set(['declined', 'cancelled', 'rejected', 'abandoned']);

/** What a cashier reading the terminal screen would record; undefined = nothing to record yet. */
function cashierOutcome(tx: SimTransaction | undefined): 'approved' | 'declined' | 'cancelled' | 'abandoned' | undefined {
  if (!tx) return 'abandoned';
  switch (tx.status) {
    case 'COMPLETED':
      return 'approved';
    case 'FAILED':
      return 'declined';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return undefined; // still running, or VOIDED (the push settles it)
  }
}

/**
 * The chaos run's cashiers, one per terminal, taking orders from one shared queue through
 * `invoke('startPayment')` like the UI does. A new attempt for the same order is made only when
 * the app says the customer was not charged. The counters are the run's report figures.
 */
export class ChaosCashiers {
  readonly behaviours = Object.fromEntries(TERMINAL_BEHAVIOURS.map((b) => [b, 0])) as Record<TerminalBehaviour, number>;
  readonly refusals: Record<string, number> = {};
  readonly stuck: string[] = [];
  lookupsRequested = 0;
  cashierResolutions = 0;
  terminalsUnstuck = 0;
  attempts = 0;
  ordersPaid = 0;
  ordersGivenUp = 0;
  /** The next order to hand out; at or past `payments` every cashier stops. */
  nextOrder = 0;
  private readonly nudged = new Map<string, number>();

  constructor(private readonly run: CashierRun) {}

  /** One terminal's cashier: takes orders until none are left. */
  async work(terminalId: string, rng: Rng): Promise<void> {
    for (;;) {
      const order = this.nextOrder++;
      if (order >= this.run.payments) return;
      await this.payOrder(terminalId, rng, `ORDER-${this.run.seed}-${order}`);
    }
  }

  /** What the cashier does for a payment stuck in `unknown`: "check now", or read the terminal. */
  async nudge(p: PaymentView): Promise<void> {
    if (p.state !== 'unknown' && p.state !== 'sent') return;
    const last = this.nudged.get(p.transactionId) ?? 0;
    if (Date.now() - last < 400) return;
    this.nudged.set(p.transactionId, Date.now());
    const { core, sim } = this.run;
    if (this.run.withSecret) {
      this.lookupsRequested += 1;
      await core.invoke('checkPaymentNow', { transactionId: p.transactionId });
      return;
    }
    if (p.state !== 'unknown' || p.detail !== CHECK_TERMINAL) return;
    const outcome = cashierOutcome(sim.control.transaction(p.transactionId));
    if (!outcome) return;
    const r = await core.invoke('resolvePayment', {
      transactionId: p.transactionId,
      outcome,
      reason: `chaos: terminal screen shows ${sim.control.transaction(p.transactionId)?.status ?? 'nothing'}`,
    });
    if (r.ok) this.cashierResolutions += 1;
  }

  /** Attempts for one order until one is not "not charged", or the attempts or the time run out. */
  private async payOrder(terminalId: string, rng: Rng, orderRef: string): Promise<void> {
    const deadline = Date.now() + this.run.orderLimitMs;
    let done = false;
    for (let attempt = 0; attempt < this.run.maxAttempts && !done && Date.now() < deadline;) {
      const transactionId = await this.startAttempt(terminalId, rng, orderRef);
      if (transactionId === undefined) continue;
      attempt += 1;
      const outcome = await this.waitOutcome(transactionId, deadline);
      if (!outcome) {
        const openMs = this.run.observer.openForMs(transactionId);
        const state = this.run.observer.payments.get(transactionId)?.state ?? '?';
        this.stuck.push(`${orderRef} ${transactionId} (${state}${openMs === undefined ? '' : ` for ${Math.round(openMs)} ms`})`);
        break;
      }
      done = this.afterOutcome(terminalId, outcome);
    }
    if (!done && Date.now() >= deadline) this.ordersGivenUp += 1;
  }

  /** Scripts the terminal's next behaviour and presses Pay; the transactionId, or undefined when refused. */
  private async startAttempt(terminalId: string, rng: Rng, orderRef: string): Promise<string | undefined> {
    const { behaviour, script } = chooseScript(rng, this.run.graceMs);
    this.run.sim.control.script(terminalId, script);
    const r = await this.run.core.invoke('startPayment', {
      terminalId,
      amountMinor: 100 + rng.int(0, 99_900),
      currency: 'USD',
      paymentMethod: 'CARD',
      orderRef,
    });
    if (!r.ok) {
      this.refusals[r.error.code] = (this.refusals[r.error.code] ?? 0) + 1;
      // A stale open payment on this terminal blocks it: the cashier checks it.
      const open = this.run.observer.openOn(terminalId);
      if (open) await this.nudge(open);
      await sleep(rng.int(20, 80));
      return undefined;
    }
    this.attempts += 1;
    this.behaviours[behaviour] += 1;
    return r.value.transactionId;
  }

  /** Counts a final outcome; true when the order is settled (the customer may have been charged). */
  private afterOutcome(terminalId: string, outcome: PaymentView): boolean {
    if (outcome.state === 'declined' && outcome.errorCode === 'TERMINAL_BUSY') {
      // The virtual terminal still holds a payment the gateway gave up on while it was
      // offline (it missed the cancel): a person presses cancel on it, or it stays busy forever.
      this.run.sim.control.resolve(terminalId, 'CANCELLED');
      this.terminalsUnstuck += 1;
    }
    if (outcome.state === 'approved') this.ordersPaid += 1;
    return !NOT_CHARGED.has(outcome.state);
  }

  private async waitOutcome(transactionId: string, deadline: number): Promise<PaymentView | undefined> {
    const { observer } = this.run;
    while (Date.now() < deadline) {
      const p = observer.payments.get(transactionId);
      if (isFinal(p)) return p;
      if (p && Date.now() - p.updatedAt > 600) await this.nudge(p);
      await observer.waitFor(() => isFinal(observer.payments.get(transactionId)), 250, 'outcome').catch(() => undefined);
    }
    return undefined;
  }
}
