import WebSocket from 'ws';
import type { PaymentResponse } from '../shared/protocol';
import type { PaymentScript, ScriptOutcome, SimItem } from './api';
import type { RuntimeConfig } from './config';
import { GatewayToTerminalFrame, type PaymentResultFrame, type TerminalPaymentCommand } from './device-frames';
import { terminalResponse, type FinalStatus, type ResultDetails } from './terminal-response';
import { Timers } from './util';

/** What the terminal's screen shows; the control page draws it. */
export interface TerminalScreen {
  state: 'idle' | 'processing' | 'waiting' | 'approved' | 'declined' | 'cancelled' | 'voided' | 'offline';
  text: string;
  transactionId?: string;
  amount?: string;
  currency?: string;
  /** The sale's items, when the POS sent `products`. */
  items?: SimItem[];
}

/** The lines a terminal screen lists: name, quantity and unit price of each product sent. */
function itemsOf(command: TerminalPaymentCommand): { items?: SimItem[] } {
  const products = command.paymentRequest.products;
  if (!products?.length) return {};
  return { items: products.map((p) => ({ name: p.name, quantity: p.quantity, price: String(p.price) })) };
}

interface Current {
  command: TerminalPaymentCommand;
  script: PaymentScript;
}

const RECONNECT_STEPS_MS = [50, 100, 250, 500, 1_000];

const OFFLINE = ' (OFFLINE)';
const withoutOffline = (text: string) => (text.endsWith(OFFLINE) ? text.slice(0, -OFFLINE.length) : text);

/**
 * A card terminal living inside the simulator process. It is a real WebSocket client of the
 * gateway speaking the device protocol of §13.3, so a pulled cable, a restart or a reconnect
 * goes through exactly the code an external terminal would.
 */
export class VirtualTerminal {
  private ws: WebSocket | undefined;
  /** Reconnect timers. */
  private readonly timers = new Timers();
  /** Timers of the payment on screen; cleared when a person answers it. */
  private readonly paymentTimers = new Timers();
  private wantOnline = true;
  private closed = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private nextScript: PaymentScript | undefined;
  private stickyScript: PaymentScript | undefined;
  private current: Current | undefined;
  /** Results produced while offline, sent again as soon as the cable is back (§13.3). */
  private readonly held: PaymentResponse[] = [];
  private openWaiters: (() => void)[] = [];
  screen: TerminalScreen = { state: 'offline', text: 'NO CONNECTION' };

  constructor(
    readonly apiKey: string,
    readonly label: string,
    private readonly url: string,
    private readonly config: RuntimeConfig,
  ) {}

  get online(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  get busyWith(): string | undefined {
    return this.current?.command.transactionId;
  }

  get manual(): boolean {
    return this.stickyScript?.outcome === 'MANUAL';
  }

  /** Connects (or keeps trying); resolves once open or when the terminal is told to stop. */
  start(): Promise<void> {
    this.wantOnline = true;
    const opened = new Promise<void>((resolve) => this.openWaiters.push(resolve));
    this.connect();
    return opened;
  }

  whenOnline(): Promise<void> {
    if (this.online || !this.wantOnline || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => this.openWaiters.push(resolve));
  }

  setScript(script: PaymentScript & { sticky?: boolean }): void {
    if (script.sticky === true) this.stickyScript = script;
    else if (script.sticky === false) this.stickyScript = undefined;
    else this.nextScript = script;
  }

  /** Pulls the cable: no close frame, the gateway just sees the TCP connection die. */
  pull(reconnectAfterMs?: number): void {
    this.wantOnline = false;
    this.timers.cancel(this.reconnectTimer);
    this.ws?.terminate();
    this.ws = undefined;
    this.showOffline();
    if (reconnectAfterMs !== undefined) this.plugIn(reconnectAfterMs);
  }

  plugIn(afterMs = 0): void {
    this.timers.cancel(this.reconnectTimer);
    this.reconnectTimer = this.timers.after(afterMs, () => {
      this.wantOnline = true;
      this.attempt = 0;
      this.connect();
    });
  }

  /** A person (control page) or test answers the payment on screen. */
  resolve(outcome: FinalStatus | 'PENDING', details?: { errorCode?: string; errorMessage?: string }): boolean {
    const current = this.current;
    if (!current) return false;
    if (outcome === 'PENDING') {
      this.send(terminalResponse(current.command, 'PENDING', this.label));
      return true;
    }
    this.paymentTimers.clearAll();
    this.finish(current, outcome, details);
    return true;
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.wantOnline = false;
    this.timers.clearAll();
    this.paymentTimers.clearAll();
    const ws = this.ws;
    this.ws = undefined;
    for (const w of this.openWaiters.splice(0)) w();
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.terminate();
    });
  }

  private connect(): void {
    if (this.closed || !this.wantOnline) return;
    if (this.ws && this.ws.readyState !== WebSocket.CLOSED) return;
    const ws = new WebSocket(this.url, { headers: { 'x-api-key': this.apiKey } });
    this.ws = ws;
    ws.on('open', () => {
      this.attempt = 0;
      if (!this.current) this.screen = { state: 'idle', text: 'READY' };
      else this.screen = { ...this.screen, text: withoutOffline(this.screen.text) };
      for (const result of this.held.splice(0)) this.send(result);
      for (const w of this.openWaiters.splice(0)) w();
    });
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('error', () => {
      // 'close' follows; reconnecting is decided there.
    });
    ws.on('unexpected-response', (_req, res) => {
      // Refused (e.g. 503 while the gateway restarts): try again shortly.
      res.resume();
      ws.terminate();
    });
    ws.on('close', () => {
      if (this.ws === ws) this.ws = undefined;
      if (this.closed) return;
      if (!this.wantOnline) {
        this.showOffline();
        return;
      }
      this.showOffline();
      const delay = RECONNECT_STEPS_MS[Math.min(this.attempt, RECONNECT_STEPS_MS.length - 1)]!;
      this.attempt += 1;
      this.timers.cancel(this.reconnectTimer);
      this.reconnectTimer = this.timers.after(delay, () => this.connect());
    });
  }

  /** Marks the screen offline once, however many reconnect attempts fail (not "(OFFLINE) (OFFLINE)"). */
  private showOffline(): void {
    if (!this.current) this.screen = { state: 'offline', text: 'NO CONNECTION' };
    else this.screen = { ...this.screen, text: `${withoutOffline(this.screen.text)}${OFFLINE}` };
  }

  private onMessage(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = GatewayToTerminalFrame.safeParse(value);
    if (!parsed.success) return;
    const frame = parsed.data;
    switch (frame.action) {
      case 'payment':
        this.startPayment(frame);
        return;
      case 'voidPayment':
        this.screen = { state: 'voided', text: 'VOIDED - reconnected too late', transactionId: frame.transactionId };
        return;
      case 'cancelPayment':
        if (this.current?.command.transactionId === frame.transactionId) {
          this.paymentTimers.clearAll();
          this.current = undefined;
          this.screen = { state: 'cancelled', text: 'TIMED OUT', transactionId: frame.transactionId };
        }
        return;
      case 'forceDisconnect':
        // Another process uses this terminal's key: stop fighting over it.
        this.wantOnline = false;
        return;
      default:
    }
  }

  private startPayment(command: TerminalPaymentCommand): void {
    if (this.current) {
      // Still on a payment the gateway gave up on (e.g. it came back after the grace period
      // and the trainer has not answered yet): refuse the new one instead of leaving it hanging.
      this.send(terminalResponse(command, 'FAILED', this.label, { errorCode: 'TERMINAL_BUSY', errorMessage: 'Terminal is busy with another payment' }));
      return;
    }
    const script = this.nextScript ?? this.stickyScript ?? { outcome: this.config.defaultOutcome };
    this.nextScript = undefined;
    const current: Current = { command, script };
    this.current = current;
    const req = command.paymentRequest;
    this.screen = {
      state: script.outcome === 'MANUAL' ? 'waiting' : 'processing',
      text: script.outcome === 'MANUAL' ? 'TAP, INSERT OR SWIPE (waiting for you)' : 'TAP, INSERT OR SWIPE',
      transactionId: command.transactionId,
      amount: String(req.amount),
      currency: req.currency,
      ...itemsOf(command),
    };
    const delay = script.delayMs ?? this.config.defaultDelayMs;
    this.run(current, script.outcome, delay);
  }

  private run(current: Current, outcome: ScriptOutcome, delay: number): void {
    const { script } = current;
    switch (outcome) {
      case 'SUCCESS':
      case 'FAILED':
      case 'CANCELLED':
        this.paymentTimers.after(delay, () => this.finish(current, outcome, script));
        return;
      case 'PENDING_THEN_SUCCESS':
        this.paymentTimers.after(Math.floor(delay / 2), () => this.send(terminalResponse(current.command, 'PENDING', this.label)));
        this.paymentTimers.after(delay, () => this.finish(current, 'SUCCESS', script));
        return;
      case 'NO_RESPONSE':
      case 'MANUAL':
        return;
      case 'DROP_MID_PAYMENT':
        this.paymentTimers.after(delay, () => {
          // The card is read and the result exists, but the cable goes first.
          this.pull(script.reconnectAfterMs);
          this.finish(current, script.resultAfterReconnect ?? 'SUCCESS', script);
        });
        return;
      default:
    }
  }

  private finish(current: Current, status: FinalStatus, details?: ResultDetails): void {
    if (this.current !== current) return;
    this.current = undefined;
    const response = terminalResponse(current.command, status, this.label, details);
    this.send(response);
    const screenState = status === 'SUCCESS' ? 'approved' : status === 'FAILED' ? 'declined' : 'cancelled';
    const text = status === 'SUCCESS' ? 'APPROVED' : status === 'FAILED' ? `DECLINED ${response.errorMessage ?? ''}`.trim() : 'CANCELLED';
    this.screen = {
      state: screenState,
      text: this.online ? text : `${text}${OFFLINE}`,
      transactionId: response.transactionId,
      amount: String(current.command.paymentRequest.amount),
      currency: current.command.paymentRequest.currency,
      ...itemsOf(current.command),
    };
  }

  private send(response: PaymentResponse): void {
    const frame: PaymentResultFrame = { action: 'paymentResult', paymentResponse: response };
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
    else if (response.status !== 'PENDING') this.held.push(response);
  }
}
