import type {
  AppInfo,
  CommandHandler,
  FieldError,
  OrderView,
  PaymentView,
  ReceiptCashierName,
  PrintJobView,
  SettingsInput,
  SettingsView,
  UpdateView,
  VoidAlert,
} from '../../shared/ipc';
import type { Msg } from '../../shared/i18n/message';
import type { DigitsOnlyEntry } from '../../shared/money';
import type { PaymentResponse } from '../../shared/protocol';
import type WebSocket from 'ws';
import type { JournalFs } from './journal/journal-fs';
import type { z } from 'zod';
import type { CoreTuning } from './core-tuning';
import type { PrintableDocument } from './receipts/receipt-output';
import type { PeopleProvisioning } from './people/people-file';

export type { CoreTuning } from './core-tuning';

/**
 * The core's ports: the types of everything the core needs from its host (settings, logger,
 * clock, socket, receipts, updates) and of what it gives back (PosCore). The receipt renderer's
 * own ports (PDF, system printer) are in receipts/render-ports.ts.
 *
 * The seams of the core: everything it needs from the outside world is passed in, so the same
 * core runs under Electron, under the browser host and under plain Node in tests
 * (DESIGN.md "One core, two hosts"). Nothing here may import 'electron'.
 */

export interface TimerHandle {
  /** Opaque. */
  readonly __timer?: unknown;
}

/** Injected clock: real in production, a fake in tests that need backoff or deadline timings. */
export interface Clock {
  /** Wall-clock epoch ms: what to record and show. Someone setting the PC's clock moves it. */
  now(): number;
  /**
   * Milliseconds on a clock that only moves with time passing (as timers do), for how long
   * something has lasted: a lockout must not end early because the clock was set forward.
   */
  elapsed(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  elapsed: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending reconnect or deadline must not keep a test process or a quitting app alive.
    t.unref?.();
    return t as unknown as TimerHandle;
  },
  clearTimeout: (h) => {
    if (h) clearTimeout(h as unknown as NodeJS.Timeout);
  },
};

/** The settings the core runs with, secrets included. Only main-process code ever sees this. */
export interface Settings {
  endpoint: string;
  groupId: string;
  apiKey: string;
  apiSecret: string;
  storeName: string;
  storeAddress: string;
  currency: string;
  printer: SettingsView['printer'];
  autoPrint: boolean;
  updatesEnabled: boolean;
  /** What digits typed without a decimal separator mean (till: amounts as typed). */
  amountEntry: DigitsOnlyEntry;
  /** Dedicated till: full screen without window controls (Electron host only). */
  kiosk: boolean;
  registerCode: string;
  /** Dedicated till: start Checkstand when the user signs in (Windows, macOS). */
  startAtLogin: boolean;
  // This till's terminal and the terminal methods (till3); absent = '' and [] (older callers).
  /** The terminal this till pays on; '' = the last terminal used. */
  tillTerminal?: string;
  /** Mobile and Other go to the terminal only where enabled here. */
  terminalMethods?: ('MOBILE' | 'OTHER')[];
  /** People: minutes without a touch before the till locks (0 = never). */
  idleLockMinutes: number;
  /** People: how receipts name the cashier. */
  receiptCashierName: ReceiptCashierName;
  /** basket: the store's catalogue file (CSV or JSON); '' or absent = none. */
  catalogPath?: string;
  /** The till's locale (BCP 47: de-DE, ja-JP, ar-KW); '' or absent = the OS's (`CoreDeps.osLocale`). */
  locale?: string;
}

/** A gateway setting that is set but invalid (money-truth rule 1): it blocks payments, never means demo mode. */
export interface GatewaySettingProblem {
  /** The form field: endpoint, apiKey, apiSecret or groupId. */
  field: string;
  /** Where the value came from: "the settings form", "environment variable CHECKSTAND_ENDPOINT", … */
  source: string;
  /** What is wrong with it, never repeating a secret. */
  problem: string;
  /** `problem` and `source` as codes (issue 16), for the screens. */
  problemMsg?: Msg;
  sourceMsg?: Msg;
}

export interface SettingsService {
  current(): Settings;
  /** Invalid gateway settings from any source; absent or empty = none. */
  gatewayProblems?(): GatewaySettingProblem[];
  /** The renderer's view: secrets masked. */
  view(): SettingsView;
  save(input: SettingsInput): Promise<{ saved: true; settings: SettingsView } | { saved: false; errors: z.infer<typeof FieldError>[] }>;
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Structured log line; `redact` is applied by the logger before anything is written. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface RecentError {
  at: number;
  message: string;
}

/** The app's one logger (made in electron/host/compose.ts): it also remembers what Diagnostics shows. */
export interface DiagnosticLogger extends Logger {
  /** The last warnings and errors, redacted, oldest first. */
  recentErrors(): RecentError[];
  /** The last log lines of every level as written (redacted JSON), oldest first. */
  recentLines(): string[];
}

/** Receipt printing (receiptData, reprint, PDF, network ESC/POS: electron/core/receipts/). The core calls it on approval (auto-print) and from commands. */
export interface ReceiptService {
  print(transactionId: string, copy: boolean): Promise<{ jobId: string }>;
  printTestPage(): Promise<{ jobId: string }>;
  pdf(transactionId: string): Promise<{ filename: string; base64: string }>;
  listPrinters(): Promise<{ name: string; isDefault: boolean }[]>;
  /** Shift reports and other documents on the receipt printer, and as PDF (absent: a host without them). */
  printDocument?(doc: PrintableDocument): Promise<{ jobId: string }>;
  documentPdf?(doc: PrintableDocument): Promise<{ filename: string; base64: string }>;
  jobs(): PrintJobView[];
  onJob(listener: (job: PrintJobView) => void): () => void;
}

/** Auto-update (electron-updater behind electron/core/updates/: never installs mid-sale). */
export interface UpdateService {
  view(): UpdateView;
  installNow(): Promise<UpdateView>;
  onChange(listener: (view: UpdateView) => void): () => void;
}

/** What a host (Electron main or the browser host) gets from the core. */
export interface PosCore extends CommandHandler {
  start(): Promise<void>;
  /** Closes the socket cleanly and flushes the journal. */
  stop(): Promise<void>;
  /** Ping now with a short deadline: system resume, network change. */
  checkNow(): void;
  /** True while any payment is sent, awaiting a result, reconnecting or unknown. */
  hasPaymentInFlight(): boolean;
  /** True while a void alert waits for acknowledgement. */
  hasOpenAlerts(): boolean;
  /** Everything known about one payment, for receipts (includes the full PaymentResponse). */
  paymentDetails(transactionId: string): PaymentDetails | undefined;
}

export interface PaymentDetails {
  view: PaymentView;
  /** The final (or latest) PaymentResponse from the gateway, with `receiptData`. */
  response?: PaymentResponse;
  /** The void alert, when the payment was voided. */
  voidAlert?: VoidAlert;
  /** The order's standing from all its attempts (a void slip must not say "take it again" when paid). */
  order?: OrderView;
}

export interface SocketOptions {
  headers: Record<string, string>;
  handshakeTimeout: number;
  maxPayload: number;
}

/** Creates the gateway socket; tests inject one to observe or break the wire. */
export type SocketFactory = (url: string, options: SocketOptions) => WebSocket;

/** Everything `createPosCore` needs. Receipts and updates are optional (tests, early hosts). */
export interface CoreDeps {
  dataDir: string;
  settings: SettingsService;
  appInfo: AppInfo;
  /** The OS's locale (Electron's app.getSystemLocale(), Node's Intl default in the browser host); the locale when the setting is empty. */
  osLocale?: string;
  clock?: Clock;
  socketFactory?: SocketFactory;
  /** Created once by the host's composition; the core never makes its own. */
  logger: DiagnosticLogger;
  /** Electron's crash-dump folder, listed in Diagnostics (the browser host has none). */
  crashDumpDir?: string;
  fetch?: typeof fetch;
  receipts?: ReceiptService;
  updates?: UpdateService;
  /** The journal's file API (default node:fs); tests inject failing disks and watch fsync. */
  journalFs?: JournalFs;
  /** Timings and limits (core-tuning.ts); tests make them small. */
  tuning?: Partial<CoreTuning>;
  /** Prefix of the generated order references ("R1" → "R1-0042"); one per register of a store. */
  registerCode?: string;
  /** People: what store IT says about roles and people (compose passes it); absent = roles off (tests, benches). */
  people?: PeopleProvisioning;
}
