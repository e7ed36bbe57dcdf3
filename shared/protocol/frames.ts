import { z } from 'zod';
import { Id, IsoTimestamp, Metadata, TerminalListStatus, TerminalPushStatus } from './common';
import { PaymentRequest, PaymentResponse } from './payment';

/**
 * Every WebSocket frame of the POS-facing gateway protocol (§5, §6), as zod schemas.
 * The simulator and the app both parse and build frames with these; no message type is
 * written anywhere else. Inbound schemas are tolerant (loose objects, optional item fields)
 * because the vendor documents several of them only by example (§6.1, §6.6, §6.7).
 */

// ── client → server (§5) ────────────────────────────────────────────────────────────────

export const GetTerminalsFrame = z.looseObject({ action: z.literal('getTerminals') });
export const PingFrame = z.looseObject({ action: z.literal('ping') });
export const PaymentFrame = z.looseObject({
  action: z.literal('payment'),
  terminalId: Id,
  paymentRequest: PaymentRequest,
});
export type PaymentFrame = z.infer<typeof PaymentFrame>;

export const ClientFrame = z.discriminatedUnion('action', [GetTerminalsFrame, PingFrame, PaymentFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// ── terminal objects (§6.1, §7.5) ───────────────────────────────────────────────────────

/** An item of `terminalsResponse.terminals`; every field optional (the quick start trims them). */
export const TerminalListItem = z.looseObject({
  connectionId: Id.optional(),
  deviceId: Id.optional(),
  terminalId: Id.optional(),
  connectedAt: IsoTimestamp.optional(),
  lastActivity: IsoTimestamp.optional(),
  status: TerminalListStatus.optional(),
  metadata: Metadata.optional(),
});
export type TerminalListItem = z.infer<typeof TerminalListItem>;

export const TerminalInfo = z.looseObject({
  connectionId: Id.optional(),
  terminalId: Id.optional(),
  deviceId: Id.optional(),
  connectedAt: IsoTimestamp.optional(),
  lastActivity: IsoTimestamp.optional(),
  status: z.string().max(32).optional(),
  metadata: Metadata.optional(),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

// ── server → client (§6) ────────────────────────────────────────────────────────────────

export const TerminalsResponseFrame = z.looseObject({
  action: z.literal('terminalsResponse'),
  terminals: z.array(TerminalListItem).max(10_000),
  timestamp: IsoTimestamp.optional(),
});
export type TerminalsResponseFrame = z.infer<typeof TerminalsResponseFrame>;

/** §6.2 — only `action` is documented; the simulator adds a timestamp (OQ-2b). */
export const PongFrame = z.looseObject({ action: z.literal('pong'), timestamp: IsoTimestamp.optional() });

export const TerminalStatusUpdateFrame = z.looseObject({
  action: z.literal('terminalStatusUpdate'),
  terminalId: Id,
  connectionId: Id.optional(),
  deviceId: Id.optional(),
  status: TerminalPushStatus,
  terminalInfo: TerminalInfo.optional(),
  timestamp: IsoTimestamp,
  groupId: z.string().max(200).optional(),
  version: z.string().max(16).optional(),
});
export type TerminalStatusUpdateFrame = z.infer<typeof TerminalStatusUpdateFrame>;

export const PaymentCompleteFrame = z.looseObject({
  action: z.literal('paymentComplete'),
  terminalId: Id.optional(),
  connectionId: Id.optional(),
  terminalDeviceId: Id.optional(),
  paymentResponse: PaymentResponse,
  timestamp: IsoTimestamp.optional(),
});
export type PaymentCompleteFrame = z.infer<typeof PaymentCompleteFrame>;

/** §6.5 — `originalPaymentResponse` may be the 4-field example or a full PaymentResponse. */
export const PaymentVoidedFrame = z.looseObject({
  action: z.literal('paymentVoided'),
  terminalId: Id.optional(),
  transactionId: Id,
  reason: z.string().max(2000).optional(),
  originalPaymentResponse: PaymentResponse.partial().optional(),
  timestamp: IsoTimestamp.optional(),
});
export type PaymentVoidedFrame = z.infer<typeof PaymentVoidedFrame>;

/** §6.6 — best-known shape; reason values are undocumented (OQ-2). */
export const ForceDisconnectFrame = z.looseObject({
  action: z.literal('forceDisconnect'),
  reason: z.string().max(2000).optional(),
  timestamp: IsoTimestamp.optional(),
});
export type ForceDisconnectFrame = z.infer<typeof ForceDisconnectFrame>;

/**
 * §6.7 — no `action`, an `error` that may be a string or an object; the text may be in
 * `message`, `error.message` or `error` itself. Use `errorText()` to read it.
 */
export const ErrorFrame = z.looseObject({
  action: z.undefined().optional(),
  error: z.union([z.string().max(2000), z.looseObject({ message: z.string().max(2000).optional(), code: z.string().max(200).optional() })]),
  message: z.string().max(2000).optional(),
});
export type ErrorFrame = z.infer<typeof ErrorFrame>;

export const ServerActionFrame = z.discriminatedUnion('action', [
  TerminalsResponseFrame,
  PongFrame,
  TerminalStatusUpdateFrame,
  PaymentCompleteFrame,
  PaymentVoidedFrame,
  ForceDisconnectFrame,
]);
export type ServerActionFrame = z.infer<typeof ServerActionFrame>;
export type ServerFrame = ServerActionFrame | ErrorFrame;

/** The error titles the gateway documents (§6.7) plus the simulator's own (OQ-3, OQ-6, OQ-7). */
export const ErrorTitle = {
  BadRequest: 'Bad Request',
  NotFound: 'Not Found',
  Forbidden: 'Forbidden',
  Conflict: 'Conflict',
} as const;

/** Documented error messages (§6.7) and the ones the simulator chose (§12). */
export const ErrorMessages = {
  terminalIdRequired: 'terminalId is required',
  paymentRequestRequired: 'paymentRequest is required',
  terminalNotFound: 'Terminal connection not found',
  differentGroup: 'Cannot send message to connection in different group',
  invalidJson: 'Invalid JSON',
  unknownAction: 'Unknown action',
  paymentInProgress: 'Payment already in progress',
  duplicateTransactionId: 'transactionId already used',
  frameTooLarge: 'Message too large',
} as const;

/** Title and text of an error frame, whichever of the tolerated shapes it came in. */
export function errorText(frame: ErrorFrame): { title: string; message: string } {
  if (typeof frame.error === 'string') {
    return { title: frame.error, message: frame.message ?? frame.error };
  }
  const message = frame.message ?? frame.error.message ?? frame.error.code ?? 'Unknown error';
  return { title: frame.error.code ?? 'Error', message };
}

export type ParsedServerFrame = { kind: 'frame'; frame: ServerActionFrame } | { kind: 'error'; frame: ErrorFrame } | { kind: 'invalid'; reason: string };

/**
 * Parses one inbound text frame. Never throws: bad JSON, unknown actions and schema
 * violations come back as `invalid` with a short reason for the log (rule 4).
 */
export function parseServerFrame(text: string): ParsedServerFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'invalid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', reason: 'not a JSON object' };
  }
  const action = (value as { action?: unknown }).action;
  if (action === undefined) {
    const err = ErrorFrame.safeParse(value);
    return err.success ? { kind: 'error', frame: err.data } : { kind: 'invalid', reason: 'no action and no error' };
  }
  const parsed = ServerActionFrame.safeParse(value);
  if (parsed.success) return { kind: 'frame', frame: parsed.data };
  // `action` is attacker-controlled: String() on {"toString":null} throws, so describe non-strings by type.
  const name = typeof action === 'string' ? action.slice(0, 64) : `(${typeof action})`;
  const known = ServerActionFrame.options.some((o) => o.shape.action.value === action);
  if (!known) return { kind: 'invalid', reason: `unknown action ${JSON.stringify(name)}` };
  return { kind: 'invalid', reason: `${name}: ${summarizeIssues(parsed.error)}` };
}

export function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
