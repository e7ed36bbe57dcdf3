import type { OrderApproval, PaymentState, PaymentView } from '../../../shared/ipc';
import { alreadyPaidSentence } from '../../format/order';
import { usePos } from '../../store/context';
import { ResultLayout } from './ResultLayout';
import { useT } from '../../i18n/useT';

/** Titles (catalogue keys) for an attempt that did not charge, when ANOTHER attempt has paid the order. */
export const ALREADY_PAID_TITLE: Partial<Record<PaymentState, string>> = {
  declined: 'results.alreadyPaid.declined',
  cancelled: 'results.alreadyPaid.cancelled',
  rejected: 'results.alreadyPaid.rejected',
  abandoned: 'results.alreadyPaid.abandoned',
  voided: 'results.alreadyPaid.voided',
};

/**
 * Money-truth rule 3: this attempt did not charge the customer, but the order is paid by another
 * one. Say that first; no "Try again", no "take the payment again" (it would charge twice).
 */
export function AlreadyPaidResult({ payment, paidBy, title }: { payment: PaymentView; paidBy: OrderApproval; title: string }) {
  const t = useT();
  const terminalsById = usePos((s) => s.terminalsById);
  const label = (id: string) => terminalsById[id]?.label ?? id;
  const why = payment.voidReason ?? (t.say(payment.detailMsg, payment.detail) || payment.errorMessage);
  return (
    <ResultLayout payment={payment} tone="warn" title={t.t(title)}>
      <p className="result-message">
        <strong>{alreadyPaidSentence(payment.orderRef, paidBy, label, t)}</strong>
      </p>
      <p className="hint">{why ? t.t('results.alreadyPaid.notChargedWhy', { why }) : t.t('results.alreadyPaid.notCharged')}</p>
    </ResultLayout>
  );
}
