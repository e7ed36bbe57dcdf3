import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isTodaysPayment, localDayKey, type PaymentView, type VoidAlert } from '../../../shared/ipc';
import { useNow } from '../../hooks/useNow';
import { usePos } from '../../store/context';

/** Today's payments by the main process's own rule (shared/ipc/todays-payments.ts), oldest first. */
export function todaysPayments(ids: string[], byId: Record<string, PaymentView>, now: number, openAlerts: readonly VoidAlert[]): PaymentView[] {
  const today = localDayKey(now);
  const alerted = new Set(openAlerts.map((a) => a.transactionId));
  return ids.flatMap((id) => {
    const p = byId[id];
    return p && isTodaysPayment(p, today, alerted.has(id)) ? [p] : [];
  });
}

/** Today's payments (oldest first) and what History and End of day show beside them. */
export function useTodaysPayments() {
  const { paymentIds, paymentsById, terminalsById, ordersByRef, alerts } = usePos(
    useShallow((s) => ({
      paymentIds: s.paymentIds,
      paymentsById: s.paymentsById,
      terminalsById: s.terminalsById,
      ordersByRef: s.ordersByRef,
      alerts: s.alerts,
    })),
  );
  const now = useNow(60_000);
  const payments = useMemo(() => todaysPayments(paymentIds, paymentsById, now, alerts), [paymentIds, paymentsById, now, alerts]);
  return { payments, paymentsById, terminalsById, ordersByRef };
}
