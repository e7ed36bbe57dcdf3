import type { OrderApproval, PaymentState, PaymentView } from '../../../shared/ipc';
import { alreadyPaidSentence } from '../../format/order';
import { usePos } from '../../store/context';
import { ResultLayout } from './ResultLayout';

/** Titles for an attempt that did not charge, when ANOTHER attempt has paid the order. */
export const ALREADY_PAID_TITLE: Partial<Record<PaymentState, string>> = {
  declined: 'Declined — the order is already paid',
  cancelled: 'Cancelled on the terminal — the order is already paid',
  rejected: 'Not sent — the order is already paid',
  abandoned: 'Stopped waiting for the terminal — the order is already paid',
  voided: 'Reversed by the gateway — the order is already paid',
};

/**
 * Money-truth rule 3: this attempt did not charge the customer, but the order is paid by another
 * one. Say that first; no "Try again", no "take the payment again" (it would charge twice).
 */
export function AlreadyPaidResult({ payment, paidBy, title }: { payment: PaymentView; paidBy: OrderApproval; title: string }) {
  const terminalsById = usePos((s) => s.terminalsById);
  const label = (id: string) => terminalsById[id]?.label ?? id;
  const why = payment.voidReason ?? payment.detail ?? payment.errorMessage;
  return (
    <ResultLayout payment={payment} tone="warn" title={title}>
      <p className="result-message">
        <strong>{alreadyPaidSentence(payment.orderRef, paidBy, label)}</strong>
      </p>
      <p className="hint">This attempt did not charge the customer{why ? `: ${why}` : '.'}</p>
    </ResultLayout>
  );
}
