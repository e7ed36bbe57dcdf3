import { Msg } from '../i18n/message';
import { z } from 'zod';
import { PaymentMethod } from '../protocol/common';
import { DIGITS_ONLY_ENTRIES, MAX_MINOR_UNITS } from '../money';
import { BasketLine, CatalogItem, CatalogStatus, MAX_BASKET_LINES } from '../basket';
import { PaymentsPause, PaymentView, SettingsView, Snapshot, UpdateView } from './model';
import { CloseShiftRequest, CloseShiftResult, OpenShiftRequest, ReportRef, ShiftReport, ShiftStatus, ShiftView } from './shifts';
import { peopleCommands, RECEIPT_CASHIER_NAMES } from './people';

/** People: a manager's approval token (from `approveManager`) for a command that needs one. */
const ManagerApprovalToken = z.string().max(200).optional();

/**
 * Every command the renderer may send, with its request and response schema. Each is invoked
 * through the bridge and answered with a `CommandResult` (never a thrown error).
 */

const Empty = z.object({}).strict();
const Ok = z.object({ done: z.literal(true) });

export const StartPaymentRequest = z
  .object({
    terminalId: z.string().min(1).max(200),
    amountMinor: z.number().int().positive().max(MAX_MINOR_UNITS),
    currency: z.string().regex(/^[A-Z]{3}$/),
    paymentMethod: PaymentMethod,
    /** Omitted: the core gives the sale the next generated reference (`Snapshot.nextOrderRef`). */
    orderRef: z.string().trim().min(1).max(64).optional(),
    /** The cashier said Yes to "Order … was already paid … Take another payment for it?". */
    repeatPaymentConfirmed: z.boolean().optional(),
    /** People: the manager's approval of the repeat payment (roles on, a cashier signed in). */
    approval: ManagerApprovalToken,
    /** basket: the sale's items; their total must equal amountMinor. Omitted = an amount-only sale. */
    lines: z.array(BasketLine).max(MAX_BASKET_LINES).optional(),
  })
  .strict();
export type StartPaymentRequest = z.infer<typeof StartPaymentRequest>;

/** Cash tender (till3): recorded at the till, never sent to a terminal. */
export const RecordCashSaleRequest = z
  .object({
    amountMinor: z.number().int().positive().max(MAX_MINOR_UNITS),
    currency: z.string().regex(/^[A-Z]{3}$/),
    tenderedMinor: z.number().int().nonnegative().max(MAX_MINOR_UNITS),
    orderRef: z.string().trim().min(1).max(64).optional(),
    repeatPaymentConfirmed: z.boolean().optional(),
    /** People: the manager's approval of a second payment for a paid order. */
    approval: ManagerApprovalToken,
    /** basket: the sale's items (their total must equal amountMinor), journaled with the sale. */
    lines: z.array(BasketLine).max(MAX_BASKET_LINES).optional(),
  })
  .strict();
export type RecordCashSaleRequest = z.infer<typeof RecordCashSaleRequest>;

export const ResolvePaymentRequest = z
  .object({
    transactionId: z.string().min(1).max(200),
    outcome: z.enum(['approved', 'declined', 'cancelled', 'abandoned']),
    reason: z.string().trim().min(3).max(500),
    /** People: the manager's approval of settling it by hand. */
    approval: ManagerApprovalToken,
  })
  .strict();

export const SettingsInput = z
  .object({
    endpoint: z.string().max(500),
    groupId: z.string().max(200),
    /** Omitted = keep the stored key; empty string = remove it. */
    apiKey: z.string().max(500).optional(),
    apiSecret: z.string().max(500).optional(),
    storeName: z.string().max(200),
    storeAddress: z.string().max(500),
    currency: z.string().max(3),
    /** Omitted = keep the stored choice. */
    amountEntry: z.enum(DIGITS_ONLY_ENTRIES).optional(),
    printer: SettingsView.shape.printer,
    autoPrint: z.boolean(),
    updatesEnabled: z.boolean(),
    /** Omitted = keep (the form does not offer them; store IT provisions them). */
    kiosk: z.boolean().optional(),
    registerCode: z.string().max(8).optional(),
    startAtLogin: z.boolean().optional(),
    // This till's terminal and the terminal methods (till3); omitted = keep.
    tillTerminal: z.string().max(200).optional(),
    terminalMethods: z
      .array(z.enum(['MOBILE', 'OTHER']))
      .max(2)
      .optional(),
    /** People (omitted = keep). */
    idleLockMinutes: z.number().int().optional(),
    receiptCashierName: z.enum(RECEIPT_CASHIER_NAMES).optional(),
    /** basket: omitted = keep; empty = no catalogue. */
    catalogPath: z.string().max(1000).optional(),
    /** The till's locale (BCP 47); omitted = keep; empty = the OS's. */
    locale: z.string().max(50).optional(),
  })
  .strict();
export type SettingsInput = z.infer<typeof SettingsInput>;

export const FieldError = z.object({ field: z.string(), message: z.string(), msg: Msg.optional() });

export const Diagnostics = z.object({
  connectionState: z.string(),
  endpoint: z.string(),
  lastPongRttMs: z.number().optional(),
  reconnectsToday: z.number(),
  appVersion: z.string(),
  logDir: z.string(),
  journalDir: z.string(),
  updateError: z.string().optional(),
  recentErrors: z.array(z.object({ at: z.number(), message: z.string() })),
  /** Electron's minidumps (never uploaded), for store IT; absent in the browser host. */
  crashDumpDir: z.string().optional(),
  crashDumps: z.array(z.object({ file: z.string(), bytes: z.number(), at: z.number() })).optional(),
  /** What "Copy for support" bundles: nothing secret (keys only as set / not set). */
  support: z
    .object({
      versions: z.record(z.string(), z.string()),
      settings: z.record(z.string(), z.unknown()),
      logTail: z.array(z.string()),
    })
    .optional(),
  /** Money-truth rule 8: whether the journal can be written, and every line replay skipped. */
  journal: z
    .object({
      writable: z.boolean(),
      reason: z.string().optional(),
      pendingRecords: z.number().int().nonnegative(),
      badLines: z.array(z.object({ file: z.string(), line: z.number().int(), torn: z.boolean(), reason: z.string().optional() })),
    })
    .optional(),
  /** Money-truth rules 1 and 8: what blocks payments besides the link. */
  paused: z.array(PaymentsPause).optional(),
  /** basket: the catalogue in use and the lines it skipped. */
  catalog: CatalogStatus.optional(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;

export const commands = {
  getSnapshot: { request: Empty, response: Snapshot },
  startPayment: { request: StartPaymentRequest, response: z.object({ transactionId: z.string(), orderRef: z.string() }) },
  resolvePayment: { request: ResolvePaymentRequest, response: PaymentView },
  // Cash tender (till3).
  recordCashSale: { request: RecordCashSaleRequest, response: PaymentView },
  /** Stop waiting for a payment on its way: the order is not paid (the gateway has no cancel). */
  stopWaiting: { request: z.object({ transactionId: z.string().min(1).max(200) }).strict(), response: PaymentView },
  checkPaymentNow: { request: z.object({ transactionId: z.string().min(1).max(200) }).strict(), response: PaymentView },
  acknowledgeAlert: { request: z.object({ alertId: z.string().min(1).max(200) }).strict(), response: Ok },
  reconnectNow: { request: Empty, response: Ok },
  /** The cashier is on the checkout (and the window is visible): reconnect within about 1 s. */
  setCheckoutOpen: { request: z.object({ open: z.boolean() }).strict(), response: Ok },
  refreshTerminals: { request: Empty, response: Ok },
  exportCsv: {
    request: z
      .object({
        day: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
    response: z.object({ filename: z.string(), csv: z.string() }),
  },
  saveSettings: {
    /** People: `approval` is the manager's approval to change settings. */
    request: SettingsInput.extend({ approval: ManagerApprovalToken }),
    response: z.union([z.object({ saved: z.literal(true), settings: SettingsView }), z.object({ saved: z.literal(false), errors: z.array(FieldError) })]),
  },
  printReceipt: {
    request: z.object({ transactionId: z.string().min(1).max(200), copy: z.boolean() }).strict(),
    response: z.object({ jobId: z.string() }),
  },
  printTestPage: { request: Empty, response: z.object({ jobId: z.string() }) },
  receiptPdf: {
    request: z.object({ transactionId: z.string().min(1).max(200) }).strict(),
    response: z.object({ filename: z.string(), base64: z.string() }),
  },
  listPrinters: { request: Empty, response: z.object({ printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })) }) },
  getDiagnostics: { request: Empty, response: Diagnostics },
  installUpdate: { request: Empty, response: UpdateView },
  // Shifts: open, X (changes nothing), close with a Z report; print, PDF and CSV of either.
  getShift: { request: Empty, response: ShiftStatus },
  openShift: { request: OpenShiftRequest, response: ShiftView },
  closeShift: { request: CloseShiftRequest, response: CloseShiftResult },
  shiftReport: { request: ReportRef, response: ShiftReport },
  printShiftReport: { request: ReportRef, response: z.object({ jobId: z.string() }) },
  shiftReportPdf: { request: ReportRef, response: z.object({ filename: z.string(), base64: z.string() }) },
  shiftReportCsv: { request: ReportRef, response: z.object({ filename: z.string(), csv: z.string() }) },
  // People: sign-in, the manager's PIN, and managing people (shared/ipc/people.ts).
  ...peopleCommands,
  // basket: the catalogue lives in the main process; the checkout asks it per scan and per search.
  catalogLookup: { request: z.object({ barcode: z.string().trim().min(1).max(64) }).strict(), response: z.object({ item: CatalogItem.optional() }) },
  catalogSearch: {
    request: z.object({ query: z.string().max(100), limit: z.number().int().positive().max(50).optional() }).strict(),
    response: z.object({ items: z.array(CatalogItem) }),
  },
  catalogStatus: { request: Empty, response: CatalogStatus },
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandRequest<K extends CommandName> = z.infer<Commands[K]['request']>;
export type CommandResponse<K extends CommandName> = z.infer<Commands[K]['response']>;

/** Error codes a command may answer with; `message` is always plain words for the cashier. */
export const CommandErrorCode = z.enum([
  'invalid_request',
  'offline',
  'terminal_unavailable',
  'terminal_busy',
  'order_has_open_payment',
  /** The order already has an approved payment today and the cashier did not confirm another. */
  'order_already_paid',
  /** Another payment on this register is still inside its error window (§10.1); retry shortly. */
  'register_busy',
  'not_found',
  'not_allowed',
  'printer_error',
  /** A bad gateway setting or a journal that cannot be written (money-truth rules 1 and 8). */
  'payments_paused',
  'internal',
]);
export type CommandErrorCode = z.infer<typeof CommandErrorCode>;

/** `message` is English (logs, older renderers); `msg` is the same as a code, which the screens put in words. */
export const CommandError = z.object({ code: CommandErrorCode, message: z.string(), msg: Msg.optional() });
export type CommandError = z.infer<typeof CommandError>;

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export function commandResultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: CommandError })]);
}
