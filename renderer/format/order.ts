import type { OrderApproval, OrderView } from '../../shared/ipc';
import { formatMoney } from './money';

/** "12:03": the approval time as a cashier says it. */
function hourMinute(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "€24.50 at 12:03 on Lane 1". */
export function approvalPhrase(approval: OrderApproval, terminalLabel: (id: string) => string): string {
  return `${formatMoney(approval.amountMinor, approval.currency)} at ${hourMinute(approval.at)} on ${terminalLabel(approval.terminalId)}`;
}

/** The first approval of this order by ANOTHER attempt than `transactionId`, if the order is paid. */
export function paidByAnother(order: OrderView | undefined, transactionId: string): OrderApproval | undefined {
  return order?.approvals.find((a) => a.transactionId !== transactionId);
}

/** "Order RT-1 is already paid — €24.50 at 12:03 on Lane 1. Do not take it again." */
export function alreadyPaidSentence(orderRef: string, approval: OrderApproval, terminalLabel: (id: string) => string): string {
  return `Order ${orderRef} is already paid — ${approvalPhrase(approval, terminalLabel)}. Do not take it again.`;
}

/** What History and End of day call an order's standing. */
export function orderStandingLabel(order: OrderView | undefined): string {
  if (!order || order.status === 'not_paid') return 'Not paid';
  if (order.status === 'paid') return 'Paid';
  return `Paid ${order.approvals.length} times`;
}
