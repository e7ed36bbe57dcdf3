import { z } from 'zod';
import { Msg } from '../i18n/message';
import { MAX_MINOR_UNITS } from '../money';

/**
 * Shifts and their X / Z reports (the till's "who is at the till", shift part). A shift is opened
 * with an optional cash float and closed with the counted cash; the Z report made at the close is
 * numbered per till and stored whole, so a reprint is the very same document.
 */

export const ShiftPerson = z.object({ id: z.string(), name: z.string() });
export type ShiftPerson = z.infer<typeof ShiftPerson>;

export const ShiftView = z.object({
  id: z.string(),
  /** The till's register code ('' when store IT set none). */
  till: z.string(),
  openedAt: z.number(),
  openedBy: ShiftPerson.optional(),
  /** Opening cash float, in minor units of `currency`. */
  floatMinor: z.number().int().nonnegative(),
  currency: z.string(),
});
export type ShiftView = z.infer<typeof ShiftView>;

/** One line of a total: a key (method, terminal, cashier, status) in one currency. Currencies are never summed. */
export const ReportRow = z.object({ key: z.string(), currency: z.string(), count: z.number().int().nonnegative(), amountMinor: z.number().int() });
export type ReportRow = z.infer<typeof ReportRow>;

/** A payment named on a report (voids, hand settlements, unresolved at close). */
export const ReportPayment = z.object({
  transactionId: z.string(),
  orderRef: z.string(),
  terminal: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  method: z.string(),
  state: z.string(),
  at: z.number(),
  cashier: z.string().optional(),
  reason: z.string().optional(),
  /** Who approved a hand settlement, when the journal says (a manager's PIN). */
  approvedBy: z.string().optional(),
});
export type ReportPayment = z.infer<typeof ReportPayment>;

/** Cash in the drawer for one currency: float + approved cash payments, against what was counted. */
export const CashLine = z.object({
  currency: z.string(),
  floatMinor: z.number().int(),
  cashTakenMinor: z.number().int(),
  expectedMinor: z.number().int(),
  countedMinor: z.number().int().optional(),
  /** counted − expected: negative is money missing from the drawer. */
  differenceMinor: z.number().int().optional(),
});
export type CashLine = z.infer<typeof CashLine>;

export const ShiftReport = z.object({
  kind: z.enum(['X', 'Z']),
  /** The store's header as it was when the report was made (a reprint is the same document). */
  store: z.object({ name: z.string(), address: z.array(z.string()) }).optional(),
  /** Z only: 1, 2, 3 … per till, never reused. */
  number: z.number().int().positive().optional(),
  /** "X report" or "Z 0001". */
  label: z.string(),
  shiftId: z.string(),
  till: z.string(),
  openedAt: z.number(),
  openedBy: z.string().optional(),
  /** Z: when the shift closed. X: absent (the shift is still open). */
  closedAt: z.number().optional(),
  closedBy: z.string().optional(),
  /** When this report was made (X: now; Z: the close). */
  producedAt: z.number(),
  approved: z.array(ReportRow),
  byMethod: z.array(ReportRow),
  byTerminal: z.array(ReportRow),
  byCashier: z.array(ReportRow),
  /** Declined, cancelled, refused by the gateway, not paid: key is the state. */
  notTaken: z.array(ReportRow),
  voids: z.array(ReportPayment),
  handSettled: z.array(ReportPayment),
  unresolved: z.array(ReportPayment),
  cash: z.array(CashLine),
  /** Z closed while payments were unresolved: who allowed it. */
  unresolvedApproval: z.object({ by: z.enum(['manager', 'confirmation']), approver: z.string().optional() }).optional(),
  /** The till's locale when the report was made (issue 16): a stored Z is reprinted in it. Absent (older reports): English. */
  locale: z.string().optional(),
});
export type ShiftReport = z.infer<typeof ShiftReport>;

export const ZReportSummary = z.object({ number: z.number().int().positive(), label: z.string(), openedAt: z.number(), closedAt: z.number() });
export type ZReportSummary = z.infer<typeof ZReportSummary>;

export const ShiftStatus = z.object({
  open: ShiftView.optional(),
  /** Every Z report of this till, newest first. */
  zReports: z.array(ZReportSummary),
});
export type ShiftStatus = z.infer<typeof ShiftStatus>;

const Minor = z.number().int().nonnegative().max(MAX_MINOR_UNITS);

export const OpenShiftRequest = z.object({ floatMinor: Minor.optional() }).strict();
export const CloseShiftRequest = z
  .object({
    countedCashMinor: Minor,
    /** Roles off: the cashier confirmed closing with unresolved payments. */
    confirmUnresolved: z.boolean().optional(),
    /** Roles on: the manager's PIN that allows closing with unresolved payments. */
    managerPin: z
      .string()
      .regex(/^\d{4,8}$/)
      .optional(),
  })
  .strict();
export type CloseShiftRequest = z.infer<typeof CloseShiftRequest>;

export const CloseShiftResult = z.union([
  z.object({ closed: z.literal(true), report: ShiftReport }),
  z.object({
    closed: z.literal(false),
    /** What would allow the close: a manager's PIN (roles on) or the cashier's confirmation (roles off). */
    needs: z.enum(['manager_pin', 'confirmation']),
    unresolved: z.array(ReportPayment),
    message: z.string(),
    /** The refusal as a code (issue 16); `message` is its English. */
    messageMsg: Msg.optional(),
  }),
]);
export type CloseShiftResult = z.infer<typeof CloseShiftResult>;

/** Which report: a stored Z by number, or (absent) an X report of the open shift now. */
export const ReportRef = z.object({ number: z.number().int().positive().optional(), countedCashMinor: Minor.optional() }).strict();
