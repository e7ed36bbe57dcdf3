import type { OrderApproval, OrderView } from '../../shared/ipc';
import type { Translator } from '../../shared/i18n/translator';
import { numberingSystem } from '../../shared/i18n/format';
import { englishWords } from '../i18n/english-words';

/** "12:03": the approval time as a cashier says it, in the locale's digits. */
function hourMinute(epochMs: number, locale: string): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: numberingSystem(locale) });
}

/** "€24.50 at 12:03 on Lane 1". */
export function approvalPhrase(approval: OrderApproval, terminalLabel: (id: string) => string, t: Translator = englishWords()): string {
  return t.t('common.order.approval', {
    amount: t.money(approval.amountMinor, approval.currency),
    time: hourMinute(approval.at, t.locale),
    terminal: terminalLabel(approval.terminalId),
  });
}

/** The first approval of this order by ANOTHER attempt than `transactionId`, if the order is paid. */
export function paidByAnother(order: OrderView | undefined, transactionId: string): OrderApproval | undefined {
  return order?.approvals.find((a) => a.transactionId !== transactionId);
}

/** "Order RT-1 is already paid — €24.50 at 12:03 on Lane 1. Do not take it again." */
export function alreadyPaidSentence(orderRef: string, approval: OrderApproval, terminalLabel: (id: string) => string, t: Translator = englishWords()): string {
  return t.t('common.order.alreadyPaid', { order: orderRef, approval: approvalPhrase(approval, terminalLabel, t) });
}

/** What History and End of day call an order's standing. */
export function orderStandingLabel(order: OrderView | undefined, t: Translator = englishWords()): string {
  if (!order || order.status === 'not_paid') return t.t('common.order.notPaid');
  if (order.status === 'paid') return t.t('common.order.paid');
  return t.t('common.order.paidTimes', { count: order.approvals.length });
}
