import { DEFAULT_CURRENCY } from '../../shared/money';
import { OPEN_PAYMENT_STATES, type PaymentView, type PrintJobView } from '../../shared/ipc';
import type { PosState } from './types';

export const selectScreen = (s: PosState) => s.screen;
export const selectConnection = (s: PosState) => s.connection;
export const selectBridgeLinked = (s: PosState) => s.bridgeLinked;
export const selectApp = (s: PosState) => s.app;
export const selectSettings = (s: PosState) => s.settings;
export const selectAlerts = (s: PosState) => s.alerts;
export const selectTerminalIds = (s: PosState) => s.terminalIds;
export const selectPaymentsById = (s: PosState) => s.paymentsById;
export const selectPaymentIds = (s: PosState) => s.paymentIds;
export const selectDraft = (s: PosState) => s.draft;
export const selectActivePaymentId = (s: PosState) => s.activePaymentId;
export const selectCurrency = (s: PosState) => s.settings?.currency || DEFAULT_CURRENCY;
export const selectGatewayOnline = (s: PosState) => s.bridgeLinked && s.connection?.state === 'open';

/**
 * Demo mode as the cashier must see it: the host says so AND no gateway address is saved (demo
 * mode is "no endpoint"). The host reports demo mode only in snapshots, and when a real gateway
 * is saved it switches it off only after the settings event (once the simulator has stopped):
 * the settings view alone takes the "No real card is charged" ribbon down at once.
 */
export const selectDemo = (s: PosState) => (s.app?.demo.enabled && !s.settings?.endpoint ? s.app.demo : undefined);

export const selectTerminal = (id: string) => (s: PosState) => s.terminalsById[id];
export const selectPayment = (id: string | null) => (s: PosState) => (id ? s.paymentsById[id] : undefined);

/** Still on its way (the progress screen); "unknown" is open but needs the cashier instead. */
export function isWaiting(payment: PaymentView): boolean {
  return payment.state === 'sent' || payment.state === 'awaiting_result' || payment.state === 'terminal_reconnecting';
}

/** Not final yet: waiting or unknown. */
export function isOpenPayment(payment: PaymentView): boolean {
  return OPEN_PAYMENT_STATES.includes(payment.state);
}

/** The latest print job for a payment (jobs arrive through `printJob` events). */
export const selectLatestPrintJob =
  (transactionId: string) =>
  (s: PosState): PrintJobView | undefined => {
    let latest: PrintJobView | undefined;
    for (const job of Object.values(s.printJobsById)) {
      if (job.transactionId === transactionId && (!latest || job.at >= latest.at)) latest = job;
    }
    return latest;
  };

/** The open payment for an order reference, if any (one open payment per order). */
export const selectOpenPaymentForOrder =
  (orderRef: string) =>
  (s: PosState): string | undefined => {
    const ref = orderRef.trim();
    if (!ref) return undefined;
    for (const id of s.paymentIds) {
      const payment = s.paymentsById[id];
      if (payment && payment.orderRef === ref && isOpenPayment(payment)) return id;
    }
    return undefined;
  };

/** The core's standing of an order (undefined: no attempt today). */
export const selectOrder = (orderRef: string) => (s: PosState) => s.ordersByRef[orderRef.trim()];
export const selectNextOrderRef = (s: PosState) => s.nextOrderRef;

export const selectTerminalLabel = (id: string) => (s: PosState) => s.terminalsById[id]?.label ?? id;

/** Void alerts still waiting for a cashier (the queue holds only those). */
export const selectVisibleAlertCount = (s: PosState) => s.alerts.length;

export const selectFirstVisibleAlert = (s: PosState) => s.alerts[0];
