import type { PaymentState } from '../../shared/ipc';
import { PAYMENT_STATUS, paymentStatusLabel } from '../format/status';
import { useT } from '../i18n/useT';
import { StatusIcon } from './StatusIcon';

export function StatusBadge({ state }: { state: PaymentState }) {
  const t = useT();
  const { tone } = PAYMENT_STATUS[state];
  return (
    <span className={`badge tone-${tone}`}>
      <StatusIcon tone={tone} /> {paymentStatusLabel(state, t)}
    </span>
  );
}
