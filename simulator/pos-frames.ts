import {
  ErrorMessages,
  ErrorTitle,
  PaymentRequest,
  summarizeIssues,
  type ErrorFrame,
  type TerminalsResponseFrame,
} from '../shared/protocol';
import type { FaultState } from './config';
import type { Presence } from './presence';
import type { Session } from './session';
import type { TransactionBook } from './transactions';
import { isPlainObject, nowIso } from './util';

export function errorFrame(title: (typeof ErrorTitle)[keyof typeof ErrorTitle], message: string): ErrorFrame {
  return { error: title, message };
}

export interface PosContext {
  presence: Presence;
  transactions: TransactionBook;
  faults: FaultState;
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
      const frame: TerminalsResponseFrame = {
        action: 'terminalsResponse',
        terminals: ctx.presence.listForGroup(session.groupId),
        timestamp: nowIso(),
      };
      session.send(frame);
      return;
    }
    case 'ping':
      if (!ctx.faults.ignorePings) session.send({ action: 'pong', timestamp: nowIso() });
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
