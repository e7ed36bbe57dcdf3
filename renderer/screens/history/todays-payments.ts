import { OPEN_PAYMENT_STATES, type PaymentView } from '../../../shared/ipc';
import { localDay } from '../../format/time';

/** Payments created today (local day), plus older ones that are still not settled. Oldest first. */
export function todaysPayments(ids: string[], byId: Record<string, PaymentView>, now: number): PaymentView[] {
  const today = localDay(now);
  const out: PaymentView[] = [];
  for (const id of ids) {
    const p = byId[id];
    if (!p) continue;
    if (localDay(p.createdAt) === today || OPEN_PAYMENT_STATES.includes(p.state) || p.state === 'needs_review') out.push(p);
  }
  return out;
}
