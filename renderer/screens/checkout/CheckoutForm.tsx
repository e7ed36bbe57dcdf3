import { useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatMoney } from '../../format/money';
import { useBridge, usePos } from '../../store/context';
import { selectCurrency, selectOpenPaymentForOrder, selectTerminal } from '../../store/selectors';
import { AmountEntry } from './AmountEntry';
import { MethodPicker } from './MethodPicker';
import { payBlocker } from './pay-blockers';
import { TerminalPicker } from './TerminalPicker';

/** Terminal, amount, method, order reference and the Pay button (Enter submits). */
export function CheckoutForm() {
  const bridge = useBridge();
  const { draft, connection, bridgeLinked, paused } = usePos(
    useShallow((s) => ({ draft: s.draft, connection: s.connection, bridgeLinked: s.bridgeLinked, paused: s.paused })),
  );
  const terminal = usePos(selectTerminal(draft.terminalId));
  const openPaymentForOrder = usePos(selectOpenPaymentForOrder(draft.orderRef));
  const currency = usePos(selectCurrency);
  const updateDraft = usePos((s) => s.updateDraft);
  const setActivePayment = usePos((s) => s.setActivePayment);
  // A ref, not state: a second click in the same tick must already see "sending".
  const sendingRef = useRef(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; retryable: boolean } | null>(null);

  const blocker = payBlocker({ bridgeLinked, connection, draft, terminal, openPaymentForOrder, sending, paused });

  const pay = async (event?: FormEvent) => {
    event?.preventDefault();
    if (sendingRef.current || blocker) return;
    sendingRef.current = true;
    setSending(true);
    setError(null);
    try {
      const result = await bridge.startPayment({
        terminalId: draft.terminalId,
        amountMinor: draft.amountMinor,
        currency,
        paymentMethod: draft.paymentMethod,
        orderRef: draft.orderRef.trim(),
      });
      if (result.ok) setActivePayment(result.value.transactionId);
      // register_busy: the previous payment is still inside its error window; nothing was sent
      // and nothing is stuck, Pay simply works again in a moment.
      else setError({ message: result.error.message, retryable: result.error.code === 'register_busy' });
    } catch (err) {
      setError({ message: `The payment could not be started: ${err instanceof Error ? err.message : String(err)}`, retryable: false });
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <form className="checkout-form" onSubmit={(event) => void pay(event)} aria-labelledby="checkout-title">
      <h1 id="checkout-title" tabIndex={-1}>
        New payment
      </h1>
      <TerminalPicker />
      <div className="checkout-columns">
        <AmountEntry />
        <div className="checkout-side">
          <MethodPicker />
          <div className="field">
            <label htmlFor="order-ref">Order reference</label>
            <input
              id="order-ref"
              autoComplete="off"
              maxLength={64}
              value={draft.orderRef}
              onChange={(event) => updateDraft({ orderRef: event.target.value })}
            />
          </div>
          <button
            type="submit"
            className="primary big pay-button"
            disabled={blocker !== null}
            aria-describedby="pay-reason"
            aria-keyshortcuts="Enter"
            onClick={(event) => {
              // Disable synchronously, before React re-renders: no double fire.
              if (sendingRef.current) event.preventDefault();
            }}
          >
            Pay {draft.amountMinor > 0 ? formatMoney(draft.amountMinor, currency) : ''} <kbd>Enter</kbd>
          </button>
          <p id="pay-reason" className="pay-reason" role="status">
            {blocker ?? 'Ready to send to the terminal.'}
          </p>
          {error && (
            <p role="alert" className={error.retryable ? 'warn-text' : 'error-text'}>
              <span aria-hidden="true">{error.retryable ? '⚠ ' : '✕ '}</span>
              {error.message}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
