import type { PaymentView } from '../../../shared/ipc';
import { declineAdvice } from '../../format/decline';
import { ResultLayout } from './ResultLayout';

export function DeclinedResult({ payment }: { payment: PaymentView }) {
  const advice = declineAdvice(payment.errorCode, payment.errorMessage);
  return (
    <ResultLayout payment={payment} tone="bad" title="Declined — the customer was not charged" retry="Pay with another card">
      <p className="result-message">{advice.message}</p>
      <p className="todo">
        <strong>What to do now: </strong>
        {advice.nextStep}
      </p>
      <p className="raw-code">
        Code: <span className="mono">{payment.errorCode ?? 'none'}</span>
        {payment.errorMessage ? ` — ${payment.errorMessage}` : ''}
      </p>
    </ResultLayout>
  );
}
