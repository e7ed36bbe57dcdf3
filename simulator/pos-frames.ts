import {
  ErrorMessages,
  ErrorTitle,
  PaymentRequest,
  summarizeIssues,
  type ErrorFrame,
  type TerminalListItem,
  type TerminalsResponseFrame,
} from '../shared/protocol';
import type { FaultState, RuntimeConfig } from './config';
import type { Presence } from './presence';
import type { Session } from './session';
import type { TransactionBook } from './transactions';
import { gatewayNowIso, isPlainObject } from './util';

export function errorFrame(title: (typeof ErrorTitle)[keyof typeof ErrorTitle], message: string): ErrorFrame {
  return { error: title, message };
}

export interface PosContext {
  presence: Presence;
  transactions: TransactionBook;
  faults: FaultState;
  config: RuntimeConfig;
}

/**
 * One parsed frame from a POS (desktop) connection: the three actions of §5 and the error
 * frames of §6.7 / OQ-3, OQ-6, OQ-7. Never throws.
 */
export function handlePosFrame(ctx: PosContext, session: Session, value: unknown): void {
  if (!isPlainObject(value)) {
    session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.unknownAction));
    return;
  }
  switch (value.action) {
    case 'getTerminals': {
      const terminals = ctx.presence.listForGroup(session.groupId);
      const frame: TerminalsResponseFrame = ctx.config.terminalListTimestamps
        ? { action: 'terminalsResponse', terminals, timestamp: gatewayNowIso(ctx.config) }
        : { action: 'terminalsResponse', terminals: terminals.map(quickStartItem) };
      session.send(frame);
      return;
    }
    case 'ping':
      if (!ctx.faults.ignorePings) session.send({ action: 'pong', timestamp: gatewayNowIso(ctx.config) });
      return;
    case 'payment':
      handlePayment(ctx, session, value);
      return;
    case 'paymentResult':
      session.send(errorFrame(ErrorTitle.Forbidden, 'Action not allowed for a desktop key'));
      return;
    default:
      session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.unknownAction));
  }
}

/**
 * The "refusal races a drop" fault: the terminal's connection dies the instant the payment frame
 * arrives. The POS gets the `reconnecting` push first and then, for the payment, the vendor's
 * `{"error":"Not Found","message":"Terminal connection not found"}`. The terminal reconnects by
 * itself, as a real one whose link blipped would.
 */
function dropJustBefore(ctx: PosContext, terminalId: string): void {
  ctx.faults.dropOnNextPayment = ctx.faults.dropOnNextPayment.filter((id) => id !== terminalId);
  const session = ctx.presence.resolveForPayment(terminalId)?.session;
  if (!session) return;
  ctx.presence.disconnected(session);
  session.terminate();
}

/** The vendor quick start's list item, `{"deviceId":"TERM-001","status":"online"}`: no timestamps. */
function quickStartItem(item: TerminalListItem): TerminalListItem {
  return item.deviceId ? { deviceId: item.deviceId, status: item.status } : { connectionId: item.connectionId, status: item.status };
}

/** §13.4 item 5, in the order of the vendor's table, then our own Conflict / reuse checks. */
function handlePayment(ctx: PosContext, session: Session, frame: Record<string, unknown>): void {
  const { terminalId, paymentRequest } = frame;
  if (typeof terminalId !== 'string' || terminalId === '') {
    session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.terminalIdRequired));
    return;
  }
  if (paymentRequest === undefined || paymentRequest === null) {
    session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.paymentRequestRequired));
    return;
  }
  const parsed = PaymentRequest.safeParse(paymentRequest);
  if (!parsed.success) {
    session.send(errorFrame(ErrorTitle.BadRequest, `Invalid paymentRequest: ${summarizeIssues(parsed.error)}`));
    return;
  }
  if (ctx.faults.dropOnNextPayment.includes(terminalId)) dropJustBefore(ctx, terminalId);
  const terminal = ctx.presence.resolveForPayment(terminalId);
  if (!terminal) {
    session.send(errorFrame(ErrorTitle.NotFound, ErrorMessages.terminalNotFound));
    return;
  }
  if (terminal.groupId !== session.groupId) {
    session.send(errorFrame(ErrorTitle.Forbidden, ErrorMessages.differentGroup));
    return;
  }
  const txId = parsed.data.transactionId;
  if (txId !== undefined && ctx.transactions.has(txId)) {
    session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.duplicateTransactionId));
    return;
  }
  if (terminal.busyWith) {
    session.send(errorFrame(ErrorTitle.Conflict, ErrorMessages.paymentInProgress));
    return;
  }
  ctx.transactions.start({
    posApiKey: session.apiKey,
    posConnectionId: session.connectionId,
    groupId: session.groupId,
    terminal,
    request: parsed.data,
  });
}
