import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { approvalPhrase } from '../../format/order';
import { usePos } from '../../store/context';
import { selectOrder } from '../../store/selectors';
import { ResultLayout } from './ResultLayout';

export function ApprovedResult({ payment }: { payment: PaymentView }) {
  const autoPrint = usePos((s) => s.settings?.autoPrint ?? false);
  const order = usePos(selectOrder(payment.orderRef));
  const terminalsById = usePos((s) => s.terminalsById);
  const label = (id: string) => terminalsById[id]?.label ?? id;
  return (
    <ResultLayout payment={payment} tone="ok" title="Approved — payment taken">
      {order?.status === 'paid_more_than_once' && (
        <p className="warning" role="alert">
          Order {order.orderRef} has been paid {order.approvals.length} times today: {order.approvals.map((a) => approvalPhrase(a, label)).join('; ')}. Refund
          the extra payment or call your manager.
        </p>
      )}
      <p className="result-message">
        Authorization code: <strong className="mono">{payment.authorizationCode ?? 'not given'}</strong>
      </p>
      {payment.resolution?.by === 'cashier' && <p className="hint">Marked approved by the cashier: {payment.resolution.reason}</p>}
      <ReceiptActions payment={payment} autoPrint={autoPrint} shortcut />
    </ResultLayout>
  );
}
