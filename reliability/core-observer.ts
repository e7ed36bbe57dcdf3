import { OPEN_PAYMENT_STATES, type PaymentState, type PaymentView, type PosEvent } from '../shared/ipc';

const NOT_CHARGED: readonly PaymentState[] = ['declined', 'cancelled', 'rejected', 'abandoned'];

/**
 * Watches a core's event stream the way the renderer does, and keeps what the reliability runs
 * judge: the latest view of every payment, void alerts raised per transaction, the most open
 * payments ever seen on one terminal at once, and how long payments sat in `unknown`.
 */
export class CoreObserver {
  readonly payments = new Map<string, PaymentView>();
  /**
   * Void-alert RAISES per transaction: every unacknowledged `alert` event counts, even for an
   * alert id already seen, so raising one alert twice is two (the judge wants exactly one).
   */
  readonly alertsRaised = new Map<string, number>();
  /** The first final state each payment showed: what the cashier told the customer. */
  readonly firstFinal = new Map<string, PaymentState>();
  /** Terminals on which two payments were open at the same moment, with the ids. */
  readonly twoOpen: { terminalId: string; transactionIds: string[] }[] = [];
  /** Milliseconds each payment spent in `unknown` before leaving it (wall clock). */
  readonly unknownDurationsMs: number[] = [];
  /** Milliseconds from Pay to the first final state on screen: how long the cashier waited. */
  readonly answerDurationsMs: number[] = [];
  /** Payments the app declared "not charged" (a final state) and later had to take back. */
  readonly contradictedNotCharged: { transactionId: string; from: string; to: string }[] = [];
  /** Every payment that was ever `rejected` (told "not charged" because of an error frame or lookup). */
  readonly everRejected = new Set<string>();
  private readonly unknownSince = new Map<string, number>();
  private readonly openSince = new Map<string, number>();
  private readonly openByTerminal = new Map<string, Set<string>>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  readonly listener = (e: PosEvent): void => {
    if (e.type === 'payment') this.onPayment(e.payment);
    else if (e.type === 'alert' && !e.alert.acknowledgedAt) {
      this.alertsRaised.set(e.alert.transactionId, (this.alertsRaised.get(e.alert.transactionId) ?? 0) + 1);
    }
    for (const w of [...this.waiters]) w();
  };

  private onPayment(p: PaymentView): void {
    const before = this.payments.get(p.transactionId)?.state;
    if (before && NOT_CHARGED.includes(before) && (p.state === 'needs_review' || p.state === 'approved')) {
      this.contradictedNotCharged.push({ transactionId: p.transactionId, from: before, to: p.state });
    }
    this.payments.set(p.transactionId, p);
    if (!OPEN_PAYMENT_STATES.includes(p.state) && !this.firstFinal.has(p.transactionId)) this.firstFinal.set(p.transactionId, p.state);
    if (p.state === 'rejected') this.everRejected.add(p.transactionId);
    const open = this.openByTerminal.get(p.terminalId) ?? new Set<string>();
    this.openByTerminal.set(p.terminalId, open);
    if (OPEN_PAYMENT_STATES.includes(p.state)) {
      if (before === undefined) this.openSince.set(p.transactionId, this.now());
      open.add(p.transactionId);
      if (open.size > 1) this.twoOpen.push({ terminalId: p.terminalId, transactionIds: [...open] });
    } else {
      open.delete(p.transactionId);
      const since = this.openSince.get(p.transactionId);
      if (since !== undefined) {
        this.answerDurationsMs.push(this.now() - since);
        this.openSince.delete(p.transactionId);
      }
    }
    if (p.state === 'unknown') {
      if (!this.unknownSince.has(p.transactionId)) this.unknownSince.set(p.transactionId, this.now());
    } else {
      const since = this.unknownSince.get(p.transactionId);
      if (since !== undefined) {
        this.unknownDurationsMs.push(this.now() - since);
        this.unknownSince.delete(p.transactionId);
      }
    }
  }

  /** A payment the app still shows open on this terminal, if any (no scan of the whole day). */
  openOn(terminalId: string): PaymentView | undefined {
    for (const id of this.openByTerminal.get(terminalId) ?? []) return this.payments.get(id);
    return undefined;
  }

  /** How long ago this payment was started, while it has no final state yet. */
  openForMs(transactionId: string): number | undefined {
    const since = this.openSince.get(transactionId);
    return since === undefined ? undefined : this.now() - since;
  }

  /** Payments that entered `unknown` and have not left it. */
  stillUnknown(): number {
    return this.unknownSince.size;
  }

  /** Resolves when `probe` holds (re-checked on every event and every 50 ms), or rejects after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v === undefined || v === false) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const poll = setInterval(check, 50);
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearInterval(poll);
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => void check();
      this.waiters.add(waiter);
      check();
    });
  }
}
