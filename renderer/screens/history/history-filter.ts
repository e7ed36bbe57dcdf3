import type { PaymentState, PaymentView } from '../../../shared/ipc';
import { formatMoney } from '../../format/money';

export type StatusFilter = 'all' | 'open' | PaymentState;

const OPEN: readonly PaymentState[] = ['sent', 'awaiting_result', 'terminal_reconnecting', 'unknown', 'needs_review'];

/**
 * Search matches order reference, transaction id, authorization code, terminal and the amount
 * as shown ("12.34" finds $12.34); the status filter "open" means not settled yet.
 */
export function filterPayments(payments: PaymentView[], query: string, status: StatusFilter, terminalLabel: (id: string) => string): PaymentView[] {
  const q = query.trim().toLowerCase();
  return payments.filter((p) => {
    if (status === 'open' ? !OPEN.includes(p.state) : status !== 'all' && p.state !== status) return false;
    if (!q) return true;
    const haystack = [p.orderRef, p.transactionId, p.authorizationCode ?? '', terminalLabel(p.terminalId), formatMoney(p.amountMinor, p.currency)]
      .join(' ')
      .toLowerCase();
    return haystack.includes(q);
  });
}
