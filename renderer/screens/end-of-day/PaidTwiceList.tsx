import type { OrderView } from '../../../shared/ipc';
import { approvalPhrase } from '../../format/order';

/** Orders the core counts as paid more than once today: each needs a refund or a manager's check. */
export function PaidTwiceList({ orders, terminalLabel }: { orders: OrderView[]; terminalLabel(id: string): string }) {
  const twice = orders.filter((o) => o.status === 'paid_more_than_once');
  if (twice.length === 0) return <p className="hint">No order was paid more than once.</p>;
  return (
    <ul className="payment-list" aria-label="Orders paid more than once">
      {twice.map((o) => (
        <li key={o.orderRef}>
          Order <strong>{o.orderRef}</strong> — paid {o.approvals.length} times: {o.approvals.map((a) => approvalPhrase(a, terminalLabel)).join('; ')}
        </li>
      ))}
    </ul>
  );
}
