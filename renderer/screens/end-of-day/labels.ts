import type { OrderView } from '../../../shared/ipc';
import type { Translator } from '../../../shared/i18n/translator';

/**
 * The words History and End of day put in their tables and filters: a payment's state, its
 * method and an order's standing (keys endofday.state.*, endofday.method.*, endofday.order.*).
 * A value this version does not know shows as it came.
 */
function known(t: Translator, key: string, fallback: string): string {
  return t.has(key) ? t.t(key) : fallback;
}

export function stateLabel(t: Translator, state: string): string {
  return known(t, `endofday.state.${state}`, state); // i18n-ignore: a key prefix
}

export function methodLabel(t: Translator, method: string): string {
  return known(t, `endofday.method.${method}`, method); // i18n-ignore: a key prefix
}

/** "Paid", "Not paid", "Paid 2 times": the core's standing of the order (a void alone says nothing about it). */
export function orderStanding(t: Translator, order: OrderView | undefined): string {
  if (!order || order.status === 'not_paid') return t.t('endofday.order.not_paid');
  if (order.status === 'paid') return t.t('endofday.order.paid');
  return t.t('endofday.order.paid_times', { count: order.approvals.length });
}
