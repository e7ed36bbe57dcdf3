import { uuidv7 } from '../shared/ids';
import type { PaymentCompleteFrame, PaymentRequest, PaymentResponse, PaymentVoidedFrame, TransactionLookupResponse } from '../shared/protocol';
import type { SimTransaction } from './api';
import type { RuntimeConfig } from './config';
import type { PushDelivery } from './delivery';
import type { CancelPaymentCommand, TerminalPaymentCommand, VoidPaymentCommand } from './device-frames';
import type { FrameLog } from './log';
import { MAX_MISSED_NOTICES, terminalIdOf, type TerminalState } from './presence';
import { gatewayNowIso, type Timers } from './util';

export const LATE_VOID_REASON = 'Terminal reconnected after grace period expired';
export const TIMEOUT_VOID_REASON = 'Terminal answered after the payment timed out';
/** Transactions kept in memory; the oldest finished ones are forgotten beyond this. */
const MAX_TRANSACTIONS = 20_000;

/** Why a transaction stopped waiting without a terminal result. */
type Abandoned = 'grace' | 'lost' | 'timeout';

interface TxRecord {
  pub: SimTransaction;
  request: PaymentRequest & { transactionId: string };
  response?: PaymentResponse;
  terminalKey: string;
  groupId: string;
  deviceId?: string;
  completedAt?: string;
  abandoned?: Abandoned;
  timeoutTimer?: NodeJS.Timeout;
}

/**
 * The gateway side of the payment lifecycle (§9.3): PENDING → COMPLETED | FAILED | CANCELLED,
 * AWAITING_RECONNECT while a deviceId terminal is away, FAILED when it never comes back
 * (OQ-16) or the payment times out (OQ-5), VOIDED when a success arrives after that.
 */
export class TransactionBook {
  private readonly txs = new Map<string, TxRecord>();

  constructor(
    private readonly config: RuntimeConfig,
    private readonly delivery: PushDelivery,
    private readonly timers: Timers,
    private readonly log: FrameLog,
  ) {}

  has(transactionId: string): boolean {
    return this.txs.has(transactionId);
  }

  list(): SimTransaction[] {
    return [...this.txs.values()].map((t) => ({ ...t.pub }));
  }

  get(transactionId: string): SimTransaction | undefined {
    const tx = this.txs.get(transactionId);
    return tx ? { ...tx.pub } : undefined;
  }

  lookup(transactionId: string): { groupId: string; body: TransactionLookupResponse; posApiKey: string } | undefined {
    const tx = this.txs.get(transactionId);
    if (!tx) return undefined;
    const body: TransactionLookupResponse = {
      transactionId,
      status: tx.pub.status,
      request: tx.request,
      ...(tx.response ? { response: tx.response } : {}),
      ...(tx.deviceId ? { terminalDeviceId: tx.deviceId } : {}),
      createdAt: tx.pub.createdAt,
      updatedAt: tx.pub.updatedAt,
      ...(tx.completedAt ? { completedAt: tx.completedAt } : {}),
      ...(tx.pub.voidedAt ? { voidedAt: tx.pub.voidedAt, voidReason: tx.pub.voidReason } : {}),
      timestamp: gatewayNowIso(this.config),
    };
    return { groupId: tx.groupId, body, posApiKey: tx.pub.posApiKey };
  }

  /** Starts a payment on a live terminal. The caller has validated everything (§13.4 item 5). */
  start(input: { posApiKey: string; posConnectionId: string; groupId: string; terminal: TerminalState; request: PaymentRequest }): string {
    const transactionId = input.request.transactionId ?? uuidv7();
    const request = { ...input.request, transactionId };
    const now = gatewayNowIso(this.config);
    const tx: TxRecord = {
      pub: {
        transactionId,
        terminalId: terminalIdOf(input.terminal),
        posApiKey: input.posApiKey,
        amount: String(request.amount),
        currency: request.currency,
        paymentMethod: request.paymentMethod,
        ...(typeof request.metadata?.orderId === 'string' ? { orderRef: request.metadata.orderId } : {}),
        ...(request.products ? { products: structuredClone(request.products) } : {}),
        status: 'PENDING',
        createdAt: now,
        updatedAt: now,
      },
      request,
      terminalKey: input.terminal.apiKey,
      groupId: input.groupId,
      ...(input.terminal.deviceId ? { deviceId: input.terminal.deviceId } : {}),
    };
    this.txs.set(transactionId, tx);
    this.trim();
    input.terminal.busyWith = transactionId;
    tx.timeoutTimer = this.timers.after(this.config.paymentTimeoutMs, () => this.timedOut(tx, input.terminal));
    const command: TerminalPaymentCommand = {
      action: 'payment',
      transactionId,
      paymentRequest: request,
      sourceConnectionId: input.posConnectionId,
      timestamp: now,
    };
    input.terminal.session?.send(command);
    return transactionId;
  }

  /** A `paymentResult` from a terminal (§13.3), live or re-sent after a reconnect. */
  result(terminal: TerminalState, response: PaymentResponse): void {
    const tx = this.txs.get(response.transactionId);
    if (!tx || tx.terminalKey !== terminal.apiKey) {
      this.log.record('event', terminal.connectionId ?? '-', 'terminal', {
        event: 'result-ignored',
        reason: tx ? 'transaction belongs to another terminal' : 'unknown transaction',
        transactionId: response.transactionId,
      });
      return;
    }
    const echoed: PaymentResponse = {
      ...response,
      amount: response.amount ?? tx.request.amount,
      currency: response.currency ?? tx.request.currency,
      paymentMethod: response.paymentMethod ?? tx.request.paymentMethod,
      timestamp: response.timestamp ?? gatewayNowIso(this.config),
      ...(tx.request.metadata ? { metadata: tx.request.metadata } : {}),
    };
    const { status } = tx.pub;
    if (status === 'PENDING' || status === 'AWAITING_RECONNECT') {
      this.live(tx, terminal, echoed);
      return;
    }
    if (tx.abandoned && echoed.status === 'SUCCESS' && status === 'FAILED') {
      this.voidLate(tx, terminal, echoed);
      return;
    }
    this.log.record('event', terminal.connectionId ?? '-', 'terminal', {
      event: 'late-result-dropped',
      transactionId: tx.pub.transactionId,
      status: echoed.status,
      transactionStatus: status,
    });
  }

  private live(tx: TxRecord, terminal: TerminalState, response: PaymentResponse): void {
    const now = gatewayNowIso(this.config);
    tx.pub.responseStatus = response.status;
    tx.pub.updatedAt = now;
    tx.response = response;
    if (response.status !== 'PENDING') {
      tx.pub.status = response.status === 'SUCCESS' ? 'COMPLETED' : response.status;
      tx.completedAt = now;
      this.timers.cancel(tx.timeoutTimer);
      if (terminal.busyWith === tx.pub.transactionId) terminal.busyWith = undefined;
    }
    this.delivery.toKey(tx.pub.posApiKey, paymentCompleteFrame(terminal, response, now));
  }

  private voidLate(tx: TxRecord, terminal: TerminalState, response: PaymentResponse): void {
    const now = gatewayNowIso(this.config);
    const reason = tx.abandoned === 'timeout' ? TIMEOUT_VOID_REASON : LATE_VOID_REASON;
    tx.pub.status = 'VOIDED';
    tx.pub.responseStatus = 'SUCCESS';
    tx.pub.voidedAt = now;
    tx.pub.voidReason = reason;
    tx.pub.updatedAt = now;
    tx.response = response;
    const frame: PaymentVoidedFrame = {
      action: 'paymentVoided',
      terminalId: terminalIdOf(terminal),
      transactionId: tx.pub.transactionId,
      reason,
      originalPaymentResponse: response,
      timestamp: now,
    };
    this.delivery.toKey(tx.pub.posApiKey, frame);
    const notice: VoidPaymentCommand = { action: 'voidPayment', transactionId: tx.pub.transactionId, reason };
    terminal.session?.send(notice);
  }

  /** Terminal dropped: its payment waits for it (deviceId terminals only). */
  dropped(terminal: TerminalState): void {
    const tx = terminal.busyWith ? this.txs.get(terminal.busyWith) : undefined;
    if (tx && tx.pub.status === 'PENDING') this.setStatus(tx, 'AWAITING_RECONNECT');
  }

  back(terminal: TerminalState): void {
    const tx = terminal.busyWith ? this.txs.get(terminal.busyWith) : undefined;
    if (tx && tx.pub.status === 'AWAITING_RECONNECT') this.setStatus(tx, 'PENDING');
  }

  /** OQ-16: grace expired, or a terminal without deviceId dropped: FAILED, no push. */
  gone(terminal: TerminalState, why: 'grace' | 'lost'): void {
    const tx = terminal.busyWith ? this.txs.get(terminal.busyWith) : undefined;
    terminal.busyWith = undefined;
    if (!tx || (tx.pub.status !== 'PENDING' && tx.pub.status !== 'AWAITING_RECONNECT')) return;
    this.abandon(tx, why);
  }

  private timedOut(tx: TxRecord, terminal: TerminalState): void {
    tx.timeoutTimer = undefined;
    if (tx.pub.status !== 'PENDING' && tx.pub.status !== 'AWAITING_RECONNECT') return;
    if (terminal.busyWith === tx.pub.transactionId) terminal.busyWith = undefined;
    this.abandon(tx, 'timeout');
    const cancel: CancelPaymentCommand = { action: 'cancelPayment', transactionId: tx.pub.transactionId, reason: 'Payment timed out' };
    if (terminal.session) terminal.session.send(cancel);
    else {
      // Offline (dropped within grace, or the gateway restarting): deliver it when the terminal is back.
      const missed = (terminal.missedNotices ??= []);
      missed.push(cancel);
      if (missed.length > MAX_MISSED_NOTICES) missed.shift();
    }
    if (this.config.paymentTimeoutMode !== 'failed') return;
    // OQ-5 second mode: tell the POS with a FAILED result instead of silence.
    const response: PaymentResponse = {
      transactionId: tx.pub.transactionId,
      status: 'FAILED',
      amount: tx.request.amount,
      currency: tx.request.currency,
      paymentMethod: tx.request.paymentMethod,
      errorCode: 'TIMEOUT',
      errorMessage: 'The terminal did not answer in time',
      timestamp: gatewayNowIso(this.config),
      ...(tx.request.metadata ? { metadata: tx.request.metadata } : {}),
    };
    tx.response = response;
    tx.pub.responseStatus = 'FAILED';
    this.delivery.toKey(tx.pub.posApiKey, paymentCompleteFrame(terminal, response, response.timestamp ?? gatewayNowIso(this.config)));
  }

  private abandon(tx: TxRecord, why: Abandoned): void {
    this.timers.cancel(tx.timeoutTimer);
    tx.abandoned = why;
    tx.completedAt = gatewayNowIso(this.config);
    this.setStatus(tx, 'FAILED');
    this.log.record('event', '-', 'terminal', { event: 'transaction-abandoned', transactionId: tx.pub.transactionId, why });
  }

  private setStatus(tx: TxRecord, status: SimTransaction['status']): void {
    tx.pub.status = status;
    tx.pub.updatedAt = gatewayNowIso(this.config);
  }

  private trim(): void {
    if (this.txs.size <= MAX_TRANSACTIONS) return;
    for (const [id, tx] of this.txs) {
      if (this.txs.size <= MAX_TRANSACTIONS - 1_000) break;
      if (tx.pub.status === 'PENDING' || tx.pub.status === 'AWAITING_RECONNECT') continue;
      this.txs.delete(id);
    }
  }
}

/** §6.4: the push the POS gets for a terminal's result (the terminal's ids as the gateway knows them now). */
function paymentCompleteFrame(terminal: TerminalState, response: PaymentResponse, timestamp: string): PaymentCompleteFrame {
  return {
    action: 'paymentComplete',
    terminalId: terminalIdOf(terminal),
    ...(terminal.connectionId ? { connectionId: terminal.connectionId } : {}),
    ...(terminal.deviceId ? { terminalDeviceId: terminal.deviceId } : {}),
    paymentResponse: response,
    timestamp,
  };
}
