import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { usePos } from '../../store/context';
import { ResultLayout } from './ResultLayout';

export function ApprovedResult({ payment }: { payment: PaymentView }) {
  const autoPrint = usePos((s) => s.settings?.autoPrint ?? false);
  return (
    <ResultLayout payment={payment} tone="ok" title="Approved — payment taken">
      <p className="result-message">
        Authorization code: <strong className="mono">{payment.authorizationCode ?? 'not given'}</strong>
      </p>
      {payment.resolution?.by === 'cashier' && (
        <p className="hint">Marked approved by the cashier: {payment.resolution.reason}</p>
      )}
      <ReceiptActions payment={payment} autoPrint={autoPrint} shortcut />
    </ResultLayout>
  );
}
