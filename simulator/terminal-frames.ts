import { ErrorMessages, ErrorTitle, summarizeIssues } from '../shared/protocol';
import { PaymentResultFrame } from './device-frames';
import { errorFrame } from './pos-frames';
import type { Presence, TerminalState } from './presence';
import type { Session } from './session';
import type { TransactionBook } from './transactions';
import { isPlainObject, nowIso } from './util';

/** One parsed frame from a terminal connection (§13.3 device protocol). Never throws. */
export function handleTerminalFrame(
  ctx: { presence: Presence; transactions: TransactionBook },
  session: Session,
  state: TerminalState | undefined,
  value: unknown,
): void {
  if (state) ctx.presence.touch(state);
  if (!isPlainObject(value)) {
    session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.unknownAction));
    return;
  }
  switch (value.action) {
    case 'ping':
      session.send({ action: 'pong', timestamp: nowIso() });
      return;
    case 'paymentResult': {
      const parsed = PaymentResultFrame.safeParse(value);
      if (!parsed.success) {
        session.send(errorFrame(ErrorTitle.BadRequest, `Invalid paymentResult: ${summarizeIssues(parsed.error)}`));
        return;
      }
      if (state) ctx.transactions.result(state, parsed.data.paymentResponse);
      return;
    }
    case 'getTerminals':
    case 'payment':
      session.send(errorFrame(ErrorTitle.Forbidden, 'Action not allowed for a terminal key'));
      return;
    default:
      session.send(errorFrame(ErrorTitle.BadRequest, ErrorMessages.unknownAction));
  }
}
