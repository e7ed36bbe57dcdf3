import type { PaymentState } from '../../shared/ipc';
import { PAYMENT_STATUS } from '../format/status';
import { StatusIcon } from './StatusIcon';

export function StatusBadge({ state }: { state: PaymentState }) {
  const status = PAYMENT_STATUS[state];
  return (
    <span className={`badge tone-${status.tone}`}>
      <StatusIcon tone={status.tone} /> {status.label}
    </span>
  );
}
