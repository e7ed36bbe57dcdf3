import { msg, type Msg } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import type { PaymentResponse } from '../../../shared/protocol';
import type { CoreTuning } from '../core-tuning';
import type { Clock, Logger, TimerHandle } from '../ports';
import type { PaymentLedger } from '../payments/ledger';
import type { LedgerEvent } from '../payments/types';
import type { LookupFn, LookupResult } from './lookup-client';

const CHECK_TERMINAL_KEY = 'core.payment.check_terminal';
/** The English of the cashier's instruction (logs, the check-now answer). */
export const CHECK_TERMINAL = english(msg(CHECK_TERMINAL_KEY));

/** What the cashier must do, after what the lookup said went wrong (its words, when it failed). */
function checkTerminalAfter(result: LookupResult): Msg {
  return result.kind === 'error' ? msg('core.payment.lookup_failed_check_terminal', { problem: result.message }) : msg(CHECK_TERMINAL_KEY);
}

/**
 * Recovery of unresolved payments (docs/protocol.md OQ-15, OQ-17; money-safety rule 7): after every start and every
 * reconnect. With the API secret, the gateway's own record settles them; without it, replayed
 * pushes get a short window and then the cashier is asked to check the terminal. Every step is
 * audited through the ledger.
 */
export type RecoveryTimings = Pick<
  CoreTuning,
  'replayWindowMs' | 'abandonedRecheckMs' | 'abandonedRecheckCapMs' | 'abandonedLookbackMs' | 'unknownRecheckCapMs'
>;

export class Recovery {
  private flagTimer: TimerHandle | undefined;
  /** A run in progress; a trigger that arrives meanwhile is run once after it (coalesced). */
  private running: Promise<void> | undefined;
  private again: 'start' | 'reconnect' | 'ambiguous' | undefined;
  /** Per abandoned payment: when it may be looked up again, and the current interval. */
  private readonly recheck = new Map<string, { dueAt: number; intervalMs: number }>();
  /** Per unknown payment whose lookup failed (rule 9): the timer of its next lookup. */
  private readonly retryUnknown = new Map<string, { timer: TimerHandle; intervalMs: number }>();

  constructor(
    private readonly ledger: PaymentLedger,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Undefined when no API secret is configured. */
    private readonly lookup: () => LookupFn | undefined,
    private readonly timings: RecoveryTimings,
  ) {}

  /**
   * Checks every unknown payment and, with a lookup, the abandoned ones of the last 24 h: a
   * terminal that comes back after the grace period makes the gateway void its late approval
   * (OQ-16/17), and that `paymentVoided` may have been lost with the link — so abandoned payments
   * are re-checked after every reconnect too, not only at start (found by the chaos run).
   * 'ambiguous' checks the unknown ones only (an error frame that could not be attributed).
   */
  async run(trigger: 'start' | 'reconnect' | 'ambiguous'): Promise<void> {
    if (this.running) {
      // 'start' outranks the others (it checks every abandoned payment), 'reconnect' outranks 'ambiguous'.
      if (this.again !== 'start' && !(this.again === 'reconnect' && trigger === 'ambiguous')) this.again = trigger;
      return this.running;
    }
    this.running = this.runOnce(trigger);
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    const next = this.again;
    this.again = undefined;
    if (next) await this.run(next);
  }

  private async runOnce(trigger: 'start' | 'reconnect' | 'ambiguous'): Promise<void> {
    const lookup = this.lookup();
    const unknown = this.ledger.open().filter((p) => p.state === 'unknown');
    if (!lookup) {
      if (unknown.length === 0) return;
      this.logger.info('audit.recovery_wait', { trigger, count: unknown.length, windowMs: this.timings.replayWindowMs });
      // Replayed pushes (OQ-15) may settle them; whatever is still unknown then goes to the cashier.
      this.clock.clearTimeout(this.flagTimer);
      this.flagTimer = this.clock.setTimeout(() => this.flagForCashier(), this.timings.replayWindowMs);
      return;
    }
    const now = this.clock.now();
    const dayAgo = now - this.timings.abandonedLookbackMs;
    const abandoned =
      trigger === 'ambiguous'
        ? []
        : this.ledger.list().filter((p) => p.state === 'abandoned' && p.updatedAt > dayAgo && (trigger === 'start' || this.due(p.transactionId, now)));
    for (const [id, r] of this.recheck) {
      const p = this.ledger.get(id);
      if (!p || p.state !== 'abandoned' || p.updatedAt <= dayAgo) this.recheck.delete(id);
      else if (r.dueAt > now + this.timings.abandonedRecheckCapMs) this.recheck.delete(id); // clock moved back
    }
    for (const p of unknown) await this.check(p.transactionId, lookup);
    for (const p of abandoned) {
      await this.check(p.transactionId, lookup);
      this.scheduleRecheck(p.transactionId);
    }
  }

  private forgetUnknownRetry(transactionId: string): void {
    const r = this.retryUnknown.get(transactionId);
    if (r) this.clock.clearTimeout(r.timer);
    this.retryUnknown.delete(transactionId);
  }

  private due(transactionId: string, now: number): boolean {
    const r = this.recheck.get(transactionId);
    return !r || now >= r.dueAt;
  }

  /** Still abandoned after a look-up: wait twice as long before the next one (bounded). */
  private scheduleRecheck(transactionId: string): void {
    if (this.ledger.get(transactionId)?.state !== 'abandoned') {
      this.recheck.delete(transactionId);
      return;
    }
    const previous = this.recheck.get(transactionId)?.intervalMs;
    const intervalMs = previous === undefined ? this.timings.abandonedRecheckMs : Math.min(previous * 2, this.timings.abandonedRecheckCapMs);
    this.recheck.set(transactionId, { dueAt: this.clock.now() + intervalMs, intervalMs });
  }

  /** One payment, on the cashier's request or from `run`. */
  async checkOne(transactionId: string): Promise<{ checked: boolean; message?: string }> {
    const lookup = this.lookup();
    if (!lookup) {
      this.ledger.apply(transactionId, { type: 'needsCashier', why: msg(CHECK_TERMINAL_KEY) });
      return { checked: false, message: 'No API secret is configured, so the gateway cannot be asked. ' + CHECK_TERMINAL };
    }
    const result = await this.check(transactionId, lookup);
    return result.kind === 'error' ? { checked: false, message: result.message } : { checked: true };
  }

  dispose(): void {
    this.clock.clearTimeout(this.flagTimer);
    for (const r of this.retryUnknown.values()) this.clock.clearTimeout(r.timer);
    this.retryUnknown.clear();
  }

  /**
   * A lookup that got no real answer (HTML, redirect, 5xx, timeout, another transaction) settles
   * nothing: the payment stays unknown and is looked up again, sooner at first, then less often.
   */
  private scheduleUnknownRetry(transactionId: string, lookup: LookupFn): void {
    const previous = this.retryUnknown.get(transactionId);
    if (previous) this.clock.clearTimeout(previous.timer);
    const intervalMs = previous === undefined ? this.timings.abandonedRecheckMs : Math.min(previous.intervalMs * 2, this.timings.unknownRecheckCapMs);
    const timer = this.clock.setTimeout(() => {
      if (this.ledger.get(transactionId)?.state !== 'unknown') {
        this.retryUnknown.delete(transactionId);
        return;
      }
      void this.check(transactionId, this.lookup() ?? lookup).catch((err: unknown) => this.logger.error('recovery.failed', { message: String(err) }));
    }, intervalMs);
    this.retryUnknown.set(transactionId, { timer, intervalMs });
  }

  private flagForCashier(): void {
    for (const p of this.ledger.open()) {
      if (p.state === 'unknown') this.ledger.apply(p.transactionId, { type: 'needsCashier', why: msg(CHECK_TERMINAL_KEY) });
    }
  }

  private async check(transactionId: string, lookup: LookupFn): Promise<LookupResult> {
    const result = await lookup(transactionId);
    this.logger.info('audit.lookup', {
      transactionId,
      result: result.kind,
      ...(result.kind === 'found' ? { status: result.body.status } : {}),
      ...(result.kind === 'error' ? { message: result.message } : {}),
    });
    const event = eventFromLookup(result);
    if (event) this.ledger.apply(transactionId, event);
    else if (this.ledger.get(transactionId)?.state === 'unknown') {
      this.ledger.apply(transactionId, { type: 'needsCashier', why: checkTerminalAfter(result) });
    }
    if (this.ledger.get(transactionId)?.state === 'unknown' && result.kind === 'error') this.scheduleUnknownRetry(transactionId, lookup);
    else this.forgetUnknownRetry(transactionId);
    return result;
  }
}

export function eventFromLookup(result: LookupResult): LedgerEvent | undefined {
  if (result.kind === 'notFound') return { type: 'notFound' };
  if (result.kind === 'error') return undefined;
  const body = result.body;
  const respond = (status: PaymentResponse['status']): LedgerEvent => ({
    type: 'result',
    via: 'lookup',
    response: { ...(body.response ?? {}), transactionId: body.transactionId, status } as PaymentResponse,
  });
  switch (body.status) {
    case 'COMPLETED':
      return respond('SUCCESS');
    case 'FAILED':
      return respond('FAILED');
    case 'CANCELLED':
      return respond('CANCELLED');
    case 'VOIDED':
      return { type: 'voided', via: 'lookup', reason: body.voidReason ?? 'Voided by the gateway' };
    case 'PENDING':
    case 'AWAITING_RECONNECT':
      return { type: 'stillRunning', status: body.status };
  }
}
