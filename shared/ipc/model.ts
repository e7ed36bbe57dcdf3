import { Msg } from '../i18n/message';
import { z } from 'zod';
import { PaymentMethod } from '../protocol/common';
import { NextOrderRef, OrderView } from './orders';
import { DIGITS_ONLY_ENTRIES } from '../money';
import { PeopleView, RECEIPT_CASHIER_NAMES, Who } from './people';
import { BasketLine } from '../basket';

/**
 * The view model the main process projects to the renderer. The main process is the source of
 * truth; these are read-only projections of it (DESIGN.md "How data flows").
 */

export const ConnectionState = z.enum(['idle', 'connecting', 'open', 'backoff', 'auth_failed', 'displaced', 'stopped']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ConnectionView = z.object({
  state: ConnectionState,
  /** Endpoint without credentials, e.g. "wss://store.example/v1". */
  endpoint: z.string(),
  /** Reconnect attempt number while in backoff/connecting (1 = first retry). */
  attempt: z.number().int().nonnegative(),
  /** Epoch ms of the next connection attempt while in backoff. */
  nextRetryAt: z.number().optional(),
  /** Why we are not open: close reason, forceDisconnect reason, auth error text. */
  reason: z.string().optional(),
  /** The same as a code for the screens (issue 16: the core speaks codes); `reason` stays for logs and older journals. */
  reasonMsg: Msg.optional(),
  /** Epoch ms the current state was entered. */
  since: z.number(),
  lastPongRttMs: z.number().optional(),
  reconnectsToday: z.number().int().nonnegative(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const TerminalPresence = z.enum(['online', 'reconnecting', 'offline']);
export type TerminalPresence = z.infer<typeof TerminalPresence>;

export const TerminalView = z.object({
  /** deviceId when the terminal has one, otherwise its connectionId (§9.2). */
  id: z.string(),
  deviceId: z.string().optional(),
  connectionId: z.string().optional(),
  label: z.string(),
  presence: TerminalPresence,
  payable: z.boolean(),
  /** Plain-language reason when not payable ("Terminal is reconnecting", "Busy with a payment"). */
  notPayableReason: z.string().optional(),
  notPayableReasonMsg: Msg.optional(),
  /** Epoch ms when the reconnect grace period ends (presence "reconnecting"). */
  graceEndsAt: z.number().optional(),
  /** transactionId of the open payment on this terminal, if any. */
  openPaymentId: z.string().optional(),
  lastSeenAt: z.number().optional(),
});
export type TerminalView = z.infer<typeof TerminalView>;

/** The POS-side payment machine of §9.3. */
export const PaymentState = z.enum([
  'sent',
  'awaiting_result',
  'terminal_reconnecting',
  'unknown',
  'approved',
  'declined',
  'cancelled',
  'rejected',
  'abandoned',
  'voided',
  'needs_review',
]);
export type PaymentState = z.infer<typeof PaymentState>;

export const OPEN_PAYMENT_STATES: readonly PaymentState[] = ['sent', 'awaiting_result', 'terminal_reconnecting', 'unknown'];
export const FINAL_PAYMENT_STATES: readonly PaymentState[] = ['approved', 'declined', 'cancelled', 'rejected', 'abandoned', 'voided', 'needs_review'];

export const PaymentView = z.object({
  transactionId: z.string(),
  orderRef: z.string(),
  terminalId: z.string(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string(),
  paymentMethod: PaymentMethod,
  state: PaymentState,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Epoch ms after which an open payment becomes "unknown" (90 s + margin). */
  deadlineAt: z.number().optional(),
  /** A PENDING push has been seen (OQ-24). */
  pendingSeen: z.boolean(),
  authorizationCode: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  hasReceipt: z.boolean(),
  /** Taken in demo mode against the built-in simulator: no real money (receipts say so). */
  demo: z.boolean().optional(),
  /** Why it was rejected by the gateway, or why it needs review, in plain words. */
  detail: z.string().optional(),
  /** `detail` as a code (journals of older versions have only the English `detail`). */
  detailMsg: Msg.optional(),
  /** How an unknown outcome was settled (people: who settled it by hand and which manager approved). */
  resolution: z
    .object({
      by: z.enum(['push', 'lookup', 'cashier']),
      reason: z.string().optional(),
      reasonMsg: Msg.optional(),
      at: z.number(),
      cashier: Who.optional(),
      approvedBy: Who.optional(),
    })
    .optional(),
  voidReason: z.string().optional(),
  // Cash tender (till3): a cash sale is recorded at the till, never sent to a terminal.
  cash: z.object({ tenderedMinor: z.number().int().nonnegative(), changeMinor: z.number().int().nonnegative() }).optional(),
  /** People: who was signed in when the attempt started (absent: roles off, or a journal from before). */
  cashier: Who.optional(),
  /** basket: the sale's items (absent for an amount-only sale and in older journals). */
  lines: z.array(BasketLine).optional(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const VoidAlert = z.object({
  id: z.string(),
  transactionId: z.string(),
  terminalId: z.string(),
  orderRef: z.string(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string(),
  reason: z.string(),
  /** The reason as a code when the core made it up; absent when `reason` is the gateway's own words. */
  reasonMsg: Msg.optional(),
  at: z.number(),
  acknowledgedAt: z.number().optional(),
  /** People: who acknowledged it. */
  acknowledgedBy: Who.optional(),
});
export type VoidAlert = z.infer<typeof VoidAlert>;

export const SecretHint = z.object({ set: z.boolean(), hint: z.string().optional() });

/** Settings as the renderer may see them: secrets only as a masked hint ("•••• 1f3a"). */
export const SettingsView = z.object({
  endpoint: z.string(),
  groupId: z.string(),
  apiKey: SecretHint,
  apiSecret: SecretHint,
  storeName: z.string(),
  storeAddress: z.string(),
  currency: z.string(),
  /** What digits without a decimal separator mean; absent = cash-register (older hosts). */
  amountEntry: z.enum(DIGITS_ONLY_ENTRIES).optional(),
  printer: z.object({
    kind: z.enum(['none', 'system', 'network', 'pdf']),
    systemName: z.string(),
    host: z.string(),
    port: z.number().int(),
    paperWidthMm: z.union([z.literal(58), z.literal(80)]),
  }),
  autoPrint: z.boolean(),
  updatesEnabled: z.boolean(),
  /** Dedicated-till options, set by store IT (provisioning); the form only shows them. */
  kiosk: z.boolean().optional(),
  /** This till's code in generated order references (store IT sets it per register). */
  registerCode: z.string().optional(),
  startAtLogin: z.boolean().optional(),
  // This till's terminal and the terminal methods (till3).
  /** The terminal this till pays on: '' = the last terminal used (remembered by the core). */
  tillTerminal: z.string().optional(),
  /** Besides Card, the methods the store lets the terminal take (off by default: they take room on every sale). */
  terminalMethods: z.array(z.enum(['MOBILE', 'OTHER'])).optional(),
  /** People: minutes without a touch before the till locks (0 = never), and the cashier's name on receipts. */
  idleLockMinutes: z.number().int().nonnegative().optional(),
  receiptCashierName: z.enum(RECEIPT_CASHIER_NAMES).optional(),
  /** basket: the store's catalogue file (CSV or JSON); empty = none. */
  catalogPath: z.string().optional(),
  /** The till's locale as set ('' = the OS's); `app.locale` is the one in effect. */
  locale: z.string().optional(),
  /** Settings provisioned by file or environment are shown but not editable. */
  lockedFields: z.array(z.string()),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const UpdateView = z.object({
  phase: z.enum(['disabled', 'idle', 'checking', 'available', 'downloading', 'ready', 'error']),
  version: z.string().optional(),
  percent: z.number().optional(),
  message: z.string().optional(),
  messageMsg: Msg.optional(),
  /** The update waits for these before it may install. */
  blockedBy: z.array(z.enum(['payment_in_flight', 'void_alert_open'])),
});
export type UpdateView = z.infer<typeof UpdateView>;

export const PrintJobView = z.object({
  id: z.string(),
  transactionId: z.string().optional(),
  kind: z.enum(['receipt', 'copy', 'void_slip', 'decline_slip', 'test_page', 'shift_report']),
  state: z.enum(['queued', 'printing', 'done', 'retrying', 'failed']),
  attempts: z.number().int(),
  error: z.string().optional(),
  errorMsg: Msg.optional(),
  at: z.number(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  demo: z.object({ enabled: z.boolean(), controlUrl: z.string().optional() }),
  logDir: z.string(),
  journalDir: z.string(),
  /** The till's locale (CHECKSTAND_LOCALE > the setting > the OS), canonical BCP 47; absent: an older host, the browser's. */
  locale: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Why payments are blocked right now, besides the link (money-truth rules 1 and 8): an invalid
 * gateway setting (which one, from which source, what is wrong) or a journal that cannot be
 * written. Shown as a red banner, in Diagnostics and (settings) next to the field.
 */
export const PaymentsPause = z.object({
  kind: z.enum(['settings', 'journal']),
  /** The whole sentence the cashier reads. */
  message: z.string(),
  messageMsg: Msg.optional(),
  /** Settings: the form field ("endpoint", "apiKey", …). */
  field: z.string().optional(),
  /** Settings: where the bad value came from ("environment variable CHECKSTAND_ENDPOINT"). */
  source: z.string().optional(),
  /** Settings: what is wrong with it. */
  problem: z.string().optional(),
  problemMsg: Msg.optional(),
  sourceMsg: Msg.optional(),
});
export type PaymentsPause = z.infer<typeof PaymentsPause>;

export const Snapshot = z.object({
  seq: z.number().int().nonnegative(),
  app: AppInfo,
  connection: ConnectionView,
  terminals: z.array(TerminalView),
  /** Today's payments plus every unresolved one, oldest first. */
  payments: z.array(PaymentView),
  /** Unacknowledged void alerts, oldest first. */
  alerts: z.array(VoidAlert),
  /** The standing of every order with an attempt today (money-truth rule 3). */
  orders: z.array(OrderView),
  nextOrderRef: NextOrderRef,
  settings: SettingsView,
  update: UpdateView,
  printJobs: z.array(PrintJobView),
  /** Empty or absent: nothing but the link decides whether payments can be taken. */
  paused: z.array(PaymentsPause).optional(),
  /** This till's terminal (till3): the setting, else the last terminal used, kept across restarts. */
  tillTerminalId: z.string().optional(),
  /** People: who is signed in, who may sign in, whether roles are on (absent: an older host, roles off). */
  people: PeopleView.optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;
