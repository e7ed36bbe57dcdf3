import type { PaymentView } from '../../../shared/ipc';
import { StatusBadge } from '../../components/StatusBadge';
import { formatMoney } from '../../format/money';
import { formatClock } from '../../format/time';

interface Props {
  payments: PaymentView[];
  empty: string;
  terminalLabel(id: string): string;
  /** The order's standing from the core ("Paid", "Not paid"): a void alone says nothing about the order. */
  orderStanding?(orderRef: string): string;
}

export function PaymentList({ payments, empty, terminalLabel, orderStanding }: Props) {
  if (payments.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="payment-list">
      {payments.map((p) => (
        <li key={p.transactionId}>
          <StatusBadge state={p.state} /> {formatClock(p.createdAt)} — order <strong>{p.orderRef}</strong> — {formatMoney(p.amountMinor, p.currency)} on{' '}
          {terminalLabel(p.terminalId)}
          {p.voidReason ? ` — ${p.voidReason}` : ''}
          {p.detail ? ` — ${p.detail}` : ''}
          {orderStanding ? ` — order: ${orderStanding(p.orderRef)}` : ''}
        </li>
      ))}
    </ul>
  );
}
