import type { ConnectionView, PaymentsPause, TerminalView } from '../../../shared/ipc';
import type { CheckoutDraft } from '../../store/ui-slice';

export interface PayContext {
  bridgeLinked: boolean;
  connection: ConnectionView | null;
  draft: CheckoutDraft;
  terminal: TerminalView | undefined;
  /** transactionId of an open payment for the same order reference. */
  openPaymentForOrder: string | undefined;
  sending: boolean;
  /** A bad gateway setting or an unwritable journal (money-truth rules 1 and 8). */
  paused?: PaymentsPause[];
}

/**
 * Why the Pay button is disabled, in the cashier's words; null when a payment may start.
 * The main process checks all of this again (it is the source of truth); this only explains.
 */
export function payBlocker(ctx: PayContext): string | null {
  if (ctx.sending) return 'Sending the payment…';
  if (!ctx.bridgeLinked) return 'Offline: lost contact with the Checkstand app.';
  if (ctx.draft.paymentMethod === 'CASH') return cashBlocker(ctx);
  if (ctx.paused?.[0]) return ctx.paused[0].message;
  if (ctx.connection?.state !== 'open') return 'Offline: payments resume when the gateway is back.';
  if (!ctx.draft.terminalId) return 'Choose a terminal.';
  if (!ctx.terminal) return 'The chosen terminal is no longer available. Choose another.';
  if (ctx.terminal.openPaymentId) return `Terminal "${ctx.terminal.label}" is busy with another payment.`;
  if (!ctx.terminal.payable) {
    return `Terminal "${ctx.terminal.label}" cannot take a payment: ${ctx.terminal.notPayableReason ?? ctx.terminal.presence}.`;
  }
  if (ctx.draft.amountMinor <= 0) return ctx.draft.amountProblem ?? 'Enter the amount.';
  if (!ctx.draft.orderRef.trim()) return 'Waiting for the order reference from the Checkstand app.';
  if (ctx.openPaymentForOrder) return 'This order already has a payment in progress.';
  return null;
}

/**
 * Cash needs no gateway, terminal or API key (till: cash tender): only a journal that can be
 * written, an amount and the order reference. A gateway setting problem does not stop it.
 */
function cashBlocker(ctx: PayContext): string | null {
  const journal = ctx.paused?.find((p) => p.kind === 'journal');
  if (journal) return journal.message;
  if (ctx.draft.amountMinor <= 0) return ctx.draft.amountProblem ?? 'Enter the amount.';
  if (!ctx.draft.orderRef.trim()) return 'Waiting for the order reference from the Checkstand app.';
  if (ctx.openPaymentForOrder) return 'This order already has a payment in progress.';
  return null;
}

/** What the line under Pay says when nothing blocks it. */
export function payReady(method: CheckoutDraft['paymentMethod']): string {
  return method === 'CASH' ? 'Ready: Pay asks for the cash tendered.' : 'Ready to send to the terminal.';
}
