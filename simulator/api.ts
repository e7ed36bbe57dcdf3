import type { PaymentMethod } from '../shared/protocol';
import type { LookupFault } from './lookup-faults';

/** The pushes a gateway sends a POS unasked. */
export type PushAction = 'terminalStatusUpdate' | 'paymentComplete' | 'paymentVoided';

/**
 * The simulator's in-process API: what tests, benchmarks and demo mode use. The HTTP control
 * API under /__sim (docs/protocol.md §13.5) exposes the same operations.
 */

export type ScriptOutcome =
  | 'SUCCESS'
  | 'FAILED'
  | 'CANCELLED'
  | 'PENDING_THEN_SUCCESS'
  | 'NO_RESPONSE'
  | 'DROP_MID_PAYMENT'
  /** Wait for a person on the control page (or control.resolve) to press a button. */
  | 'MANUAL';

export interface PaymentScript {
  outcome: ScriptOutcome;
  /** Time on the terminal before the result (default: the simulator's defaultDelayMs). */
  delayMs?: number;
  errorCode?: string;
  errorMessage?: string;
  receiptData?: string;
  /** Send the result without any `receiptData` (optional in the vendor's table). */
  omitReceiptData?: boolean;
  /** With DROP_MID_PAYMENT: reconnect after this many ms and report `resultAfterReconnect`. */
  reconnectAfterMs?: number;
  /** What a terminal that dropped reports once back (default SUCCESS). */
  resultAfterReconnect?: 'SUCCESS' | 'FAILED' | 'CANCELLED';
  /**
   * Keep this script for every payment until another sticky script replaces it (the control
   * page's "manual mode" is `{ outcome: 'MANUAL', sticky: true }`; `sticky: false` clears it).
   */
  sticky?: boolean;
}

export interface KeyEntry {
  role: 'desktop' | 'terminal';
  groupId: string;
  deviceId?: string;
  apiSecret?: string;
  metadata?: Record<string, unknown>;
  /** Virtual terminals connect at start unless false. */
  autoConnect?: boolean;
}

/** JSON config file format: `{ "keys": { "<apiKey>": KeyEntry } }`. */
export interface SimulatorConfigFile {
  keys: Record<string, KeyEntry>;
}

export interface SimulatorOptions {
  /** 0 or omitted = a free port. */
  port?: number;
  /** Always loopback unless set explicitly. */
  host?: string;
  /** Key registry; defaults to the built-in demo registry. */
  config?: SimulatorConfigFile;
  /** Reconnect grace for deviceId terminals (default 60 000). */
  gracePeriodMs?: number;
  /** Payment timeout (default 90 000). */
  paymentTimeoutMs?: number;
  /** OQ-5: 'silent' (default) marks FAILED and sends nothing; 'failed' pushes FAILED/TIMEOUT. */
  paymentTimeoutMode?: 'silent' | 'failed';
  /** OQ-15: replay undelivered pushes to a POS key on reconnect (default true). */
  replayOnReconnect?: boolean;
  /** Delay a virtual terminal takes before answering by default (default 1 500). */
  defaultDelayMs?: number;
  /** Default outcome of a virtual terminal's payment with no script (default SUCCESS). */
  defaultOutcome?: ScriptOutcome;
  /** Largest accepted frame in bytes (default 64 KiB). */
  maxPayloadBytes?: number;
  /** Server idle timeout / maximum connection lifetime for POS connections (off by default). */
  idleTimeoutMs?: number;
  maxConnectionLifetimeMs?: number;
  /**
   * The gateway's clock runs this many ms ahead (negative: behind) of the machine's: every
   * timestamp in a WebSocket frame or HTTP answer is shifted. The HTTP signature window is still
   * judged on the real clock, so lookups keep working (default 0).
   */
  clockSkewMs?: number;
  /**
   * False: `terminalsResponse` comes in the vendor quick start's form, `{"deviceId":"TERM-001",
   * "status":"online"}` items (a connectionId only for terminals without a deviceId) and no
   * frame timestamp (default true).
   */
  terminalListTimestamps?: boolean;
  /** JSON-lines frame log: a file path, 'stdout', or off (default). Keys are redacted. */
  log?: string;
}

export interface SimTerminal {
  /** deviceId, or the current connectionId for a terminal without one. */
  id: string;
  apiKey: string;
  deviceId?: string;
  connectionId?: string;
  groupId: string;
  status: 'online' | 'reconnecting' | 'offline';
  virtual: boolean;
  busyWith?: string;
  /** Terminal metadata (registry, `x-terminal-metadata`). */
  metadata?: Record<string, unknown>;
  /** Human name: `metadata.label`, else the id. */
  label?: string;
  /** Virtual terminal in manual mode (a sticky MANUAL script). */
  manual?: boolean;
  /** What a virtual terminal's screen shows (control page), with the sale's items when the POS sent `products`. */
  screen?: { state: string; text: string; transactionId?: string; amount?: string; currency?: string; items?: SimItem[] };
}

/** [SIM] One of a payment's `products` as the POS sent it (§7.3): what the terminal screen and the control page list. */
export interface SimItem {
  name: string;
  quantity: number;
  price: string;
}

export interface SimTransaction {
  transactionId: string;
  terminalId: string;
  posApiKey: string;
  amount: string;
  currency: string;
  paymentMethod: PaymentMethod | string;
  /** The POS's order reference (`metadata.orderId`), for the trainer's transaction list. */
  orderRef?: string;
  /** The payment's `products` as received (absent when the POS sent none). */
  products?: Record<string, unknown>[];
  /** Gateway-side status (§9.3). */
  status: 'PENDING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'AWAITING_RECONNECT' | 'VOIDED';
  responseStatus?: 'SUCCESS' | 'FAILED' | 'PENDING' | 'CANCELLED';
  createdAt: string;
  updatedAt: string;
  voidedAt?: string;
  voidReason?: string;
}

export interface SimLogEntry {
  at: string;
  dir: 'in' | 'out' | 'event';
  connection: string;
  role: 'desktop' | 'terminal' | 'http' | 'control';
  frame: unknown;
  /** Inbound WebSocket frames: the text exactly as received (absent when it held a credential field). */
  text?: string;
}

export interface SimulatorControl {
  terminals(): SimTerminal[];
  /** Connects a new virtual terminal (registering a key for it). Returns its id. */
  addTerminal(input: { deviceId?: string; groupId?: string; metadata?: Record<string, unknown> }): Promise<string>;
  /** Pulls the cable: the terminal's socket closes; grace starts for deviceId terminals. */
  dropTerminal(id: string, options?: { reconnectAfterMs?: number }): void;
  /** Plugs it back in (after `afterMs`, default now). */
  reconnectTerminal(id: string, afterMs?: number): void;
  /** How the terminal's next payment behaves. */
  script(id: string, script: PaymentScript): void;
  /** Answer a payment waiting on a MANUAL terminal. */
  resolve(id: string, outcome: 'SUCCESS' | 'FAILED' | 'CANCELLED' | 'PENDING', details?: { errorCode?: string; errorMessage?: string }): boolean;
  setConfig(
    patch: Partial<
      Pick<
        SimulatorOptions,
        | 'gracePeriodMs'
        | 'paymentTimeoutMs'
        | 'paymentTimeoutMode'
        | 'replayOnReconnect'
        | 'defaultDelayMs'
        | 'defaultOutcome'
        | 'idleTimeoutMs'
        | 'maxConnectionLifetimeMs'
        | 'clockSkewMs'
        | 'terminalListTimestamps'
      >
    >,
  ): void;
  faults: {
    /**
     * The next push to a POS is sent twice; with an action, the next push OF THAT ACTION is (so a
     * test can arm it before a burst of pushes, e.g. the void after a terminal's "connected").
     */
    duplicateNext(action?: PushAction): void;
    /** Every push to a POS waits this long first (0 = off). */
    delayPushes(ms: number): void;
    /** The next two pushes to a POS go out in reverse order. */
    reorderNext(): void;
    /**
     * Drop every POS socket; `silent` destroys the TCP socket with no close frame. With
     * `halfOpen` the TCP connection stays up but the gateway forgets it: nothing is read or
     * sent any more, so only the client's own heartbeat can notice (pong timeout).
     */
    dropPosConnections(options: { silent: boolean; halfOpen?: boolean }): void;
    /** Stop (true) or resume (false) answering POS pings. */
    ignorePings(on: boolean): void;
    /**
     * The terminal's next payment frame finds it just dropped: the POS gets the `reconnecting`
     * push, then the gateway refuses the payment ("Terminal connection not found"). The terminal
     * reconnects by itself a moment later.
     */
    dropOnNextPayment(terminalId: string): void;
  };
  /**
   * How `GET /v1/transactions/{id}` answers from now on: normally, or wrongly (HTML, a JSON 404
   * for a wrong path, a redirect, 5xx, another transaction's body, text/plain, no answer).
   */
  lookupFault(fault: LookupFault): void;
  /** Opens a second connection with a POS key, displacing the current one. */
  displace(apiKey?: string): Promise<void>;
  /** Gateway restart: every socket closes, in-memory transactions survive, port stays. */
  restart(options?: { downMs?: number }): Promise<void>;
  transactions(): SimTransaction[];
  /** One transaction by id (a copy), without copying the whole book. */
  transaction(transactionId: string): SimTransaction | undefined;
  log(): SimLogEntry[];
}

export interface SimulatorHandle {
  /** ws://127.0.0.1:PORT/v1 */
  url: string;
  /** http://127.0.0.1:PORT (HTTP API at /v1, control API at /__sim, control page at /__sim/). */
  httpUrl: string;
  port: number;
  apiKeys: {
    /** The default desktop (POS) key and its secret. */
    pos: string;
    posSecret: string;
    /** Every key in the registry with its entry. */
    all: Record<string, KeyEntry>;
  };
  control: SimulatorControl;
  close(): Promise<void>;
}

export type { LookupFault };

export type StartSimulator = (options?: SimulatorOptions) => Promise<SimulatorHandle>;
