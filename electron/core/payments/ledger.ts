import { isTodaysPayment, type VoidAlert, type Who } from '../../../shared/ipc';
import type { PaymentMethod } from '../../../shared/protocol';
import type { BasketLine } from '../../../shared/basket';
import type { Clock, Logger, TimerHandle } from '../ports';
import { dayKey, Journal, type ReplayResult } from '../journal/journal';
import { JournalGuard } from '../journal/journal-guard';
import { alertReason, ledgerRefusal, VOIDED_BY_GATEWAY, type LedgerRefusal } from './codes';
import { isOpen, transition } from './transitions';
import type { LedgerEvent, PaymentRecord, Transition } from './types';
import type { Emitter } from '../../../shared/emitter';
import { loggedEmitter } from '../log/logged-emitter';

export interface NewPayment {
  transactionId: string;
  orderRef: string;
  terminalId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: PaymentMethod;
  /** Taken against the demo simulator (money-truth rule 1): its slips say it was not a real payment. */
  demo?: boolean;
  /** Cash tender: settled at the till (approved at once, never on the wire). People: who was signed
   *  in. Basket: the sale's items, journaled so a reprint after a restart lists them. */
  cash?: { tenderedMinor: number; changeMinor: number };
  cashier?: Who;
  lines?: BasketLine[];
}

export type LedgerChange = { kind: 'payment'; payment: PaymentRecord } | { kind: 'alert'; alert: VoidAlert };

/**
 * The payment ledger (the POS-side payment machine of docs/protocol.md §9.3, journal first): owns every payment record and void alert, writes each change
 * to the journal BEFORE anyone hears of it, and runs the local deadline (90 s + margin → unknown).
 * It decides nothing about the wire: the core sends frames and feeds events in.
 */
export class PaymentLedger {
  private records = new Map<string, PaymentRecord>();
  /** Open payments by terminal and by order: rule 2 is checked on every Pay press and every
   *  terminal push, and a day can hold tens of thousands of settled payments, so no scans. */
  private openByTerminal = new Map<string, Set<string>>();
  private openByOrder = new Map<string, Set<string>>();
  /** Every attempt in memory by order reference: an order's standing is derived from all of them. */
  private allByOrder = new Map<string, Set<string>>();
  private prunedDay: string | undefined;
  private alertMap = new Map<string, VoidAlert>();
  /** Acknowledged alerts stay readable (void slips, details) but no longer block anything. */
  private ackedAlerts = new Map<string, VoidAlert>();
  private deadlines = new Map<string, TimerHandle>();
  private readonly changes: Emitter<LedgerChange>;
  /** Every write goes through the guard: a refused write at a payment's start throws, later ones are kept (rule 12). */
  private readonly journal: JournalGuard;

  constructor(
    journal: Journal | JournalGuard,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly deadlineMs: number,
  ) {
    this.journal = journal instanceof Journal ? new JournalGuard(journal, clock, logger) : journal;
    this.changes = loggedEmitter(logger, 'ledger.listener_failed');
  }

  onChange(listener: (c: LedgerChange) => void): () => void {
    return this.changes.on(listener);
  }

  /** Start-up: take the replayed journal; payments that were in flight are now of unknown outcome. */
  restore(replay: ReplayResult): void {
    const today = dayKey(this.clock.now());
    for (const alert of replay.alerts.values()) {
      if (!alert.acknowledgedAt) this.alertMap.set(alert.id, alert);
      else if (dayKey(alert.acknowledgedAt) === today) this.ackedAlerts.set(alert.id, alert);
    }
    for (const p of replay.payments.values()) {
      if (isTodaysPayment(p, today, this.alertMap.has(alertIdFor(p.transactionId)))) this.store(p);
    }
    for (const p of [...this.records.values()]) {
      if (isOpen(p.state)) this.apply(p.transactionId, { type: 'restarted' });
    }
  }

  /** Rule 2: one open payment per terminal and per order. Undefined = may begin. */
  refusal(input: Pick<NewPayment, 'terminalId' | 'orderRef'>): LedgerRefusal | undefined {
    const busy = this.openForTerminal(input.terminalId);
    if (busy) return ledgerRefusal('terminal_busy', 'core.refusal.terminal_busy', { terminal: input.terminalId, order: busy.orderRef });
    const orderOpen = this.openForOrder(input.orderRef);
    if (orderOpen) return ledgerRefusal('order_has_open_payment', 'core.refusal.order_open', { order: input.orderRef, terminal: orderOpen.terminalId });
    return undefined;
  }

  /** Journals the new payment (fsync) and only then returns: the caller sends the frame after. */
  begin(input: NewPayment): PaymentRecord {
    const refused = this.refusal(input);
    if (refused) throw new Error(refused.message);
    if (this.records.has(input.transactionId)) throw new Error('transactionId already used');
    const now = this.clock.now();
    const record: PaymentRecord = {
      ...input,
      state: input.cash ? 'approved' : 'sent',
      createdAt: now,
      updatedAt: now,
      ...(input.cash ? {} : { deadlineAt: now + this.deadlineMs }),
      pendingSeen: false,
      hasReceipt: false,
    };
    this.journal.appendNow({ v: 1, t: 'payment', at: now, payment: record });
    this.store(record);
    this.logger.info('audit.payment_started', {
      transactionId: record.transactionId,
      orderRef: record.orderRef,
      terminalId: record.terminalId,
      amountMinor: record.amountMinor,
      currency: record.currency,
      ...(record.cashier ? { cashier: record.cashier.name } : {}),
    });
    this.armDeadline(record);
    this.emit({ kind: 'payment', payment: record });
    this.pruneOldDays();
    return record;
  }

  /** Applies one event; journals and announces the change. Unknown ids are ignored (OQ-25). */
  apply(transactionId: string, event: LedgerEvent): Transition | undefined {
    const record = this.records.get(transactionId);
    if (!record) return undefined;
    const now = this.clock.now();
    const t = transition(record, event, now);
    if (t.note) this.logger.warn('ledger.note', { transactionId, cause: event.type, note: t.note }); // not `event`: the line's own name
    if (!t.changed) return t;
    this.journal.appendOrKeep({ v: 1, t: 'payment', at: now, payment: t.next });
    this.store(t.next);
    this.logger.info('audit.payment_state', {
      transactionId,
      from: record.state,
      to: t.next.state,
      cause: event.type,
      ...(event.type === 'cashier' ? { reason: event.reason, outcome: event.outcome, cashier: event.cashier?.name, approvedBy: event.approvedBy?.name } : {}),
      ...(event.type === 'voided' ? { reason: event.reason, amountMinor: record.amountMinor, currency: record.currency } : {}),
    });
    if (!isOpen(t.next.state) || t.next.state === 'unknown') this.disarmDeadline(transactionId);
    else if (!this.deadlines.has(transactionId)) this.armDeadline(t.next);
    this.emit({ kind: 'payment', payment: t.next });
    if (t.raiseVoidAlert) this.raiseAlert(t.next, alertReason(event.type === 'voided' ? event.reason : VOIDED_BY_GATEWAY));
    return t;
  }

  acknowledge(alertId: string, by?: Who): VoidAlert | undefined {
    const alert = this.alertMap.get(alertId);
    if (!alert) return undefined;
    const now = this.clock.now();
    const acked: VoidAlert = { ...alert, acknowledgedAt: now, ...(by ? { acknowledgedBy: by } : {}) };
    this.journal.appendOrKeep({ v: 1, t: 'alert', at: now, alert: acked });
    this.alertMap.delete(alertId);
    this.ackedAlerts.set(alertId, acked);
    this.logger.info('audit.alert_acknowledged', { alertId, transactionId: alert.transactionId, by: by?.name ?? 'cashier' });
    this.emit({ kind: 'alert', alert: acked });
    return acked;
  }

  get(transactionId: string): PaymentRecord | undefined {
    return this.records.get(transactionId);
  }

  openForTerminal(terminalId: string): PaymentRecord | undefined {
    return this.firstOf(this.openByTerminal.get(terminalId));
  }

  openForOrder(orderRef: string): PaymentRecord | undefined {
    return this.firstOf(this.openByOrder.get(orderRef));
  }

  /** Every attempt for this order held in memory (today's and unresolved ones), in start order. */
  attemptsFor(orderRef: string): PaymentRecord[] {
    return [...(this.allByOrder.get(orderRef) ?? [])].map((id) => this.records.get(id)!);
  }

  open(): PaymentRecord[] {
    const out: PaymentRecord[] = [];
    for (const ids of this.openByTerminal.values()) for (const id of ids) out.push(this.records.get(id)!);
    return out.sort((a, b) => a.createdAt - b.createdAt);
  }

  hasOpen(): boolean {
    return this.openByTerminal.size > 0;
  }

  /** Today's payments plus every unresolved one, oldest first. */
  list(): PaymentRecord[] {
    return [...this.records.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  alerts(): VoidAlert[] {
    return [...this.alertMap.values()].sort((a, b) => a.at - b.at);
  }

  alertFor(transactionId: string): VoidAlert | undefined {
    const id = alertIdFor(transactionId);
    return this.alertMap.get(id) ?? this.ackedAlerts.get(id);
  }

  dispose(): void {
    for (const h of this.deadlines.values()) this.clock.clearTimeout(h);
    this.deadlines.clear();
  }

  private raiseAlert(p: PaymentRecord, reason: Pick<VoidAlert, 'reason' | 'reasonMsg'>): void {
    const id = alertIdFor(p.transactionId);
    if (this.alertMap.has(id) || this.ackedAlerts.has(id)) return;
    const alert: VoidAlert = {
      id,
      transactionId: p.transactionId,
      terminalId: p.terminalId,
      orderRef: p.orderRef,
      amountMinor: p.amountMinor,
      currency: p.currency,
      ...reason,
      at: this.clock.now(),
    };
    this.journal.appendOrKeep({ v: 1, t: 'alert', at: alert.at, alert });
    this.alertMap.set(id, alert);
    const { transactionId, orderRef, amountMinor, currency } = alert;
    this.logger.warn('audit.void_alert', { transactionId, orderRef, amountMinor, currency, reason: alert.reason });
    this.emit({ kind: 'alert', alert });
  }

  private armDeadline(p: PaymentRecord): void {
    if (p.deadlineAt === undefined) return;
    this.disarmDeadline(p.transactionId);
    const handle = this.clock.setTimeout(
      () => {
        this.deadlines.delete(p.transactionId);
        this.apply(p.transactionId, { type: 'deadline' });
      },
      Math.max(0, p.deadlineAt - this.clock.now()),
    );
    this.deadlines.set(p.transactionId, handle);
  }

  private disarmDeadline(transactionId: string): void {
    const h = this.deadlines.get(transactionId);
    if (h) this.clock.clearTimeout(h);
    this.deadlines.delete(transactionId);
  }

  /** Keeps the open-payment indexes in step with `records`; every write goes through here. */
  private store(p: PaymentRecord): void {
    const before = this.records.get(p.transactionId);
    if (before) {
      unindex(this.openByTerminal, before.terminalId, p.transactionId);
      unindex(this.openByOrder, before.orderRef, p.transactionId);
    }
    this.records.set(p.transactionId, p);
    index(this.allByOrder, p.orderRef, p.transactionId);
    if (isOpen(p.state)) {
      index(this.openByTerminal, p.terminalId, p.transactionId);
      index(this.openByOrder, p.orderRef, p.transactionId);
    }
  }

  private firstOf(ids: Set<string> | undefined): PaymentRecord | undefined {
    if (!ids) return undefined;
    for (const id of ids) return this.records.get(id);
    return undefined;
  }

  /** Yesterday's settled payments leave memory at midnight (checked once per day, not per
   *  payment); the journal keeps them for history. Open ones are never pruned. */
  private pruneOldDays(): void {
    const today = dayKey(this.clock.now());
    if (this.prunedDay === today) return;
    this.prunedDay = today;
    for (const [id, p] of this.records) {
      if (!isTodaysPayment(p, today, this.alertMap.has(alertIdFor(id)))) {
        this.records.delete(id);
        unindex(this.allByOrder, p.orderRef, id);
      }
    }
  }

  private emit(c: LedgerChange): void {
    this.changes.emit(c);
  }
}

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

function unindex(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}

export function alertIdFor(transactionId: string): string {
  return `void-${transactionId}`;
}
