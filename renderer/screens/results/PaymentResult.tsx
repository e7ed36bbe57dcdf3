import type { PaymentView } from '../../../shared/ipc';
import { paidByAnother } from '../../format/order';
import { usePos } from '../../store/context';
import { selectOrder } from '../../store/selectors';
import { ALREADY_PAID_TITLE, AlreadyPaidResult } from './AlreadyPaidResult';
import { TellCustomer } from '../../components/TellCustomer';
import { joinSentences } from '../../format/sentences';
import { ApprovedResult } from './ApprovedResult';
import { CashResult } from './CashResult';
import { DeclinedResult } from './DeclinedResult';
import { ResultLayout } from './ResultLayout';
import { UnknownOutcome } from './UnknownOutcome';

const NOT_CHARGED = 'The customer was not charged.';

/** The core's or gateway's words, then "not charged" unless they said so already. */
const notCharged = (words: string) => joinSentences(words, /not charged/i.test(words) ? undefined : NOT_CHARGED);

/** The sentences of `text` that do not repeat "not paid" (for screens whose title says it). */
const withoutNotPaid = (text: string | undefined) =>
  (text ?? '')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => !/not paid/i.test(s))
    .join(' ');

/** The gateway's void reasons in a cashier's words (its own text speaks of a "grace period"). */
const voidWords = (reason: string | undefined) =>
  reason && /grace period/i.test(reason) ? 'The terminal came back too late, so the gateway reversed the payment.' : reason;

/** Picks the result screen for a payment that is no longer on its way. */
export function PaymentResult({ payment }: { payment: PaymentView }) {
  // What to do next follows the order's standing (from the core), not this attempt alone.
  const paidBy = paidByAnother(usePos(selectOrder(payment.orderRef)), payment.transactionId);
  const alreadyPaidTitle = ALREADY_PAID_TITLE[payment.state];
  if (paidBy && alreadyPaidTitle) return <AlreadyPaidResult payment={payment} paidBy={paidBy} title={alreadyPaidTitle} />;
  switch (payment.state) {
    case 'approved':
      return payment.cash ? <CashResult payment={payment} cash={payment.cash} /> : <ApprovedResult payment={payment} />;
    case 'declined':
      return <DeclinedResult payment={payment} />;
    case 'unknown':
      return <UnknownOutcome payment={payment} />;
    case 'cancelled':
      return (
        <ResultLayout payment={payment} tone="warn" title="Cancelled on the terminal" retry="Pay again">
          <p className="result-message">{NOT_CHARGED}</p>
          <p className="todo">
            <strong>What to do now: </strong>Ask the customer how they want to pay, then try again.
          </p>
        </ResultLayout>
      );
    case 'rejected':
      return (
        <ResultLayout payment={payment} tone="bad" title="Not sent — the gateway refused the payment" retry="Try again">
          <p className="result-message">{notCharged(payment.detail ?? payment.errorMessage ?? 'The gateway did not accept the payment.')}</p>
          <p className="todo">
            <strong>What to do now: </strong>Check the terminal is switched on and connected, then try again. If it happens again, call your manager.
          </p>
          {payment.errorMessage && payment.detail && <p className="raw-code">Gateway said: {payment.errorMessage}</p>}
        </ResultLayout>
      );
    case 'abandoned':
      return (
        <ResultLayout payment={payment} tone="bad" title="Not paid — stopped waiting for the terminal" retry="Take the payment again">
          <p className="result-message">
            {joinSentences(
              // The title says "Not paid"; the core's detail may say it too (and it stays in History).
              withoutNotPaid(payment.detail) || 'The terminal went away before it finished.',
              'If the terminal reports an approval after all, Checkstand shows this payment as reversed or as needing review.',
            )}
          </p>
          {payment.resolution?.reason && <p className="hint">Reason given: {payment.resolution.reason}</p>}
          <p className="todo">
            <strong>What to do now: </strong>Take the payment again.
          </p>
        </ResultLayout>
      );
    case 'voided':
      return (
        <ResultLayout payment={payment} tone="bad" title="Reversed by the gateway — not paid" retry="Take the payment again">
          <p className="result-message">{joinSentences(NOT_CHARGED, voidWords(payment.voidReason))}</p>
          <p className="todo">
            <strong>What to do now: </strong>Take the payment again.
          </p>
        </ResultLayout>
      );
    case 'needs_review':
      return (
        <ResultLayout payment={payment} tone="warn" title="Needs review — a late result arrived">
          <p className="result-message">{payment.detail ?? 'The gateway reported a result after this register had stopped waiting.'}</p>
          <p className="todo">
            <strong>What to do now: </strong>Do not charge the customer again until your manager has checked this payment.
          </p>
          <TellCustomer />
        </ResultLayout>
      );
    default:
      return (
        <ResultLayout payment={payment} tone="info" title={`Payment ${payment.state}`}>
          {null}
        </ResultLayout>
      );
  }
}
