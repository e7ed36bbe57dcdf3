import type { ConnectionView, PaymentsPause, TerminalView } from '../../../shared/ipc';
import type { Translator } from '../../../shared/i18n/translator';
import type { CheckoutDraft } from '../../store/ui-slice';
import { pauseWords } from '../../format/pause';

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
export function payBlocker(ctx: PayContext, t: Translator): string | null {
  if (ctx.sending) return t.t('checkout.blocker.sending');
  if (!ctx.bridgeLinked) return t.t('checkout.blocker.appLost');
  if (ctx.draft.paymentMethod === 'CASH') return cashBlocker(ctx, t);
  if (ctx.paused?.[0]) return pauseWords(t, ctx.paused[0]);
  if (ctx.connection?.state !== 'open') return t.t('checkout.blocker.offline');
  if (!ctx.draft.terminalId) return t.t('checkout.blocker.chooseTerminal');
  if (!ctx.terminal) return t.t('checkout.blocker.terminalGone');
  if (ctx.terminal.openPaymentId) return t.t('checkout.blocker.terminalBusy', { terminal: ctx.terminal.label });
  if (!ctx.terminal.payable) {
    const reason = t.say(ctx.terminal.notPayableReasonMsg, ctx.terminal.notPayableReason) || t.t(`checkout.presence.${ctx.terminal.presence}`);
    return t.t('checkout.blocker.notPayable', { terminal: ctx.terminal.label, reason });
  }
  return amountAndOrderBlocker(ctx, t);
}

/** What every method needs: an amount, the order reference, and no other payment for the order. */
function amountAndOrderBlocker(ctx: PayContext, t: Translator): string | null {
  if (ctx.draft.amountMinor <= 0) return ctx.draft.amountProblem ?? t.t('checkout.blocker.enterAmount');
  if (!ctx.draft.orderRef.trim()) return t.t('checkout.blocker.noOrderRef');
  if (ctx.openPaymentForOrder) return t.t('checkout.blocker.orderInProgress');
  return null;
}

/**
 * Cash needs no gateway, terminal or API key (till: cash tender): only a journal that can be
 * written, an amount and the order reference. A gateway setting problem does not stop it.
 */
function cashBlocker(ctx: PayContext, t: Translator): string | null {
  const journal = ctx.paused?.find((p) => p.kind === 'journal');
  if (journal) return pauseWords(t, journal);
  return amountAndOrderBlocker(ctx, t);
}

/** What the line under Pay says when nothing blocks it. */
export function payReady(method: CheckoutDraft['paymentMethod'], t: Translator): string {
  return method === 'CASH' ? t.t('checkout.ready.cash') : t.t('checkout.ready.card');
}
