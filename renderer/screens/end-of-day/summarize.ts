import type { PaymentState, PaymentView } from '../../../shared/ipc';

/** Count and money per currency (a store may see more than one currency in a day). */
export interface Total {
  count: number;
  byCurrency: Record<string, number>;
}

export interface DaySummary {
  byStatus: Partial<Record<PaymentState, Total>>;
  /** Taken money only (approved), by payment method and by terminal. */
  byMethod: Record<string, Total>;
  byTerminal: Record<string, Total>;
  approved: Total;
  voided: PaymentView[];
  unresolved: PaymentView[];
}

const UNRESOLVED: readonly PaymentState[] = ['sent', 'awaiting_result', 'terminal_reconnecting', 'unknown', 'needs_review'];

function add(totals: Record<string, Total>, key: string, p: PaymentView): void {
  const total = (totals[key] ??= { count: 0, byCurrency: {} });
  total.count += 1;
  total.byCurrency[p.currency] = (total.byCurrency[p.currency] ?? 0) + p.amountMinor;
}

export function summarize(payments: PaymentView[]): DaySummary {
  const byStatus: Record<string, Total> = {};
  const byMethod: Record<string, Total> = {};
  const byTerminal: Record<string, Total> = {};
  const approved: Record<string, Total> = {};
  for (const p of payments) {
    add(byStatus, p.state, p);
    if (p.state === 'approved') {
      add(byMethod, p.paymentMethod, p);
      add(byTerminal, p.terminalId, p);
      add(approved, 'all', p);
    }
  }
  return {
    byStatus,
    byMethod,
    byTerminal,
    approved: approved.all ?? { count: 0, byCurrency: {} },
    voided: payments.filter((p) => p.state === 'voided'),
    unresolved: payments.filter((p) => UNRESOLVED.includes(p.state)),
  };
}
