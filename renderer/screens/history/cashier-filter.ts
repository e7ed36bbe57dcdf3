import type { PaymentView } from '../../../shared/ipc';

/** People: History shows and filters by the cashier who started each attempt (contracts: absent → "No cashier"). */
export const NO_CASHIER = 'No cashier'; // i18n-ignore: the filter's value; the screen shows history.no_cashier

export function cashierName(p: PaymentView): string {
  return p.cashier?.name ?? NO_CASHIER;
}

/** The cashiers of these payments, by name; "No cashier" last when some have none. */
export function cashiersOf(payments: readonly PaymentView[]): string[] {
  const names = new Set(payments.filter((p) => p.cashier).map((p) => p.cashier!.name));
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  return payments.some((p) => !p.cashier) ? [...sorted, NO_CASHIER] : sorted;
}

/** '' keeps all. */
export function byCashier(payments: PaymentView[], cashier: string): PaymentView[] {
  return cashier === '' ? payments : payments.filter((p) => cashierName(p) === cashier);
}
