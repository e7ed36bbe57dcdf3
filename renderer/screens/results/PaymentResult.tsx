import type { PaymentView } from '../../../shared/ipc';
import { paidByAnother } from '../../format/order';
import { usePos } from '../../store/context';
import { selectOrder } from '../../store/selectors';
import { ALREADY_PAID_TITLE, AlreadyPaidResult } from './AlreadyPaidResult';
import { ApprovedResult } from './ApprovedResult';
import { DeclinedResult } from './DeclinedResult';
import { ResultLayout } from './ResultLayout';
import { UnknownOutcome } from './UnknownOutcome';

const NOT_CHARGED = 'The customer was not charged.';

/** Picks the result screen for a payment that is no longer on its way. */
export function PaymentResult({ payment }: { payment: PaymentView }) {
  // What to do next follows the order's standing (from the core), not this attempt alone.
  const paidBy = paidByAnother(usePos(selectOrder(payment.orderRef)), payment.transactionId);
  const alreadyPaidTitle = ALREADY_PAID_TITLE[payment.state];
  if (paidBy && alreadyPaidTitle) return <AlreadyPaidResult payment={payment} paidBy={paidBy} title={alreadyPaidTitle} />;
  switch (payment.state) {
    case 'approved':
      return <ApprovedResult payment={payment} />;
    case 'declined':
      return <DeclinedResult payment={payment} />;
    case 'unknown':
      return <UnknownOutcome payment={payment} />;
    case 'cancelled':
      return (
        <ResultLayout payment={payment} tone="warn" title="Cancelled on the terminal" retry>
          <p className="result-message">{NOT_CHARGED}</p>
          <p className="todo"><strong>What to do now: </strong>Ask the customer how they want to pay, then try again.</p>
        </ResultLayout>
      );
    case 'rejected':
      return (
        <ResultLayout payment={payment} tone="bad" title="Not sent — the gateway refused the payment" retry>
          <p className="result-message">{payment.detail ?? payment.errorMessage ?? 'The gateway did not accept the payment.'} {NOT_CHARGED}</p>
          <p className="todo"><strong>What to do now: </strong>Check the terminal is switched on and connected, then try again. If it happens again, call your manager.</p>
          {payment.errorMessage && payment.detail && <p className="raw-code">Gateway said: {payment.errorMessage}</p>}
        </ResultLayout>
      );
    case 'abandoned':
      return (
        <ResultLayout payment={payment} tone="bad" title="Not paid — stopped waiting for the terminal" retry>
          <p className="result-message">
            This order is NOT paid. {payment.detail ?? 'The terminal went away before it finished.'} If the terminal later reports an
            approval, the gateway reverses it and you will see an alert.
          </p>
          {payment.resolution?.reason && <p className="hint">Reason given: {payment.resolution.reason}</p>}
          <p className="todo"><strong>What to do now: </strong>Take the payment again.</p>
        </ResultLayout>
      );
    case 'voided':
      return (
        <ResultLayout payment={payment} tone="bad" title="Reversed by the gateway — not paid" retry>
          <p className="result-message">
            {NOT_CHARGED} {payment.voidReason ?? ''} This order is NOT paid.
          </p>
          <p className="todo"><strong>What to do now: </strong>Take the payment again.</p>
        </ResultLayout>
      );
    case 'needs_review':
      return (
        <ResultLayout payment={payment} tone="warn" title="Needs review — a late result arrived">
          <p className="result-message">{payment.detail ?? 'The gateway reported a result after this register had stopped waiting.'}</p>
          <p className="todo"><strong>What to do now: </strong>Do not charge the customer again until your manager has checked this payment.</p>
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
