import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBridge, usePos } from '../../store/context';
import { selectCurrency, selectNextOrderRef, selectOpenPaymentForOrder, selectTerminal } from '../../store/selectors';
import { AmountEntry } from './AmountEntry';
import { BasketPanel } from './basket/BasketPanel';
import { BasketTotal } from './basket/BasketTotal';
import { MethodPicker } from './MethodPicker';
import { CashTender, type CashSale } from './CashTenderDialog';
import { payBlocker, payReady } from './pay-blockers';
import { RepeatPaymentDialog, type RepeatQuestion } from './RepeatPaymentDialog';
import { useManagerApproval } from '../../components/ManagerApproval';
import { TerminalPicker } from './TerminalPicker';
import { useT } from '../../i18n/useT';
import { GLYPH, KEYCAP } from '../../components/glyphs';
import type { Translator } from '../../../shared/i18n/translator';
import type { Msg } from '../../../shared/i18n/message';

/** Terminal, amount, method, order reference and the Pay button (Enter submits). */
export function CheckoutForm() {
  const t = useT();
  const bridge = useBridge();
  const { draft, connection, bridgeLinked, paused } = usePos(
    useShallow((s) => ({ draft: s.draft, connection: s.connection, bridgeLinked: s.bridgeLinked, paused: s.paused })),
  );
  const terminal = usePos(selectTerminal(draft.terminalId));
  // No sale needs a typed reference (money-truth rule 4): an empty field means the generated one.
  const nextOrderRef = usePos(selectNextOrderRef);
  const orderRef = draft.orderRef.trim() || nextOrderRef;
  const openPaymentForOrder = usePos(selectOpenPaymentForOrder(orderRef));
  const paidApproval = usePos((s) => s.ordersByRef[orderRef]?.approvals[0]);
  const [question, setQuestion] = useState<RepeatQuestion | null>(null);
  const [cashSale, setCashSale] = useState<CashSale | null>(null);
  const currency = usePos(selectCurrency);
  const updateDraft = usePos((s) => s.updateDraft);
  const setActivePayment = usePos((s) => s.setActivePayment);
  // A ref, not state: a second click in the same tick must already see "sending".
  const sendingRef = useRef(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; retryable: boolean } | null>(null);

  const amountLabel = draft.amountMinor > 0 ? t.money(draft.amountMinor, currency) : '';
  const blocker = payBlocker({ bridgeLinked, connection, draft: { ...draft, orderRef }, terminal, openPaymentForOrder, sending, paused }, t);

  // People: a repeat payment also needs the manager's PIN (roles on, a cashier signed in).
  const manager = useManagerApproval();

  const pay = async (event?: FormEvent, repeatPaymentConfirmed = false, approval?: string) => {
    event?.preventDefault();
    if (sendingRef.current || blocker) return;
    // Rule 4: an order already paid today is asked about BEFORE anything is sent (default No).
    if (paidApproval && !repeatPaymentConfirmed) {
      setQuestion({ orderRef, approval: paidApproval });
      return;
    }
    // Cash is cash (till: cash tender): the tender dialog records it; nothing goes to a terminal.
    const extras = { ...(approval ? { approval } : {}), ...(draft.lines?.length ? { lines: draft.lines } : {}) };
    if (draft.paymentMethod === 'CASH') return setCashSale({ orderRef, amountMinor: draft.amountMinor, currency, repeatPaymentConfirmed, ...extras });
    sendingRef.current = true;
    setSending(true);
    setError(null);
    try {
      const result = await bridge.startPayment({
        terminalId: draft.terminalId,
        amountMinor: draft.amountMinor,
        currency,
        paymentMethod: draft.paymentMethod,
        orderRef,
        ...(repeatPaymentConfirmed ? { repeatPaymentConfirmed } : {}),
        ...extras,
      });
      if (result.ok) {
        // "Try again" keeps this order's reference, not the next generated one.
        updateDraft({ orderRef: result.value.orderRef });
        setActivePayment(result.value.transactionId);
      } else if (result.error.code === 'order_already_paid') setQuestion({ orderRef, ...repeatWords(t, result.error) });
      // register_busy: the previous payment is still inside its error window; nothing was sent
      // and nothing is stuck, Pay simply works again in a moment.
      else setError({ message: t.say(result.error.msg, result.error.message), retryable: result.error.code === 'register_busy' });
    } catch (err) {
      setError({ message: t.t('checkout.startFailed', { error: err instanceof Error ? err.message : String(err) }), retryable: false });
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const answer = async (takeAnother: boolean) => {
    setQuestion(null);
    if (!takeAnother) return;
    const approval = await manager.ask('repeatPayment', orderRef);
    if (approval !== null) void pay(undefined, true, approval);
  };

  return (
    <>
      {question && <RepeatPaymentDialog question={question} onAnswer={(yes) => void answer(yes)} />}
      {cashSale && <CashTender sale={cashSale} onClose={() => setCashSale(null)} />}
      {manager.dialog}
      <form className="checkout-form" onSubmit={(event) => void pay(event)} aria-labelledby="checkout-title">
        <h1 id="checkout-title" tabIndex={-1}>
          {t.t('checkout.title')}
        </h1>
        <CheckoutFields amountLabel={amountLabel} blocker={blocker} sendingRef={sendingRef} error={error} nextOrderRef={nextOrderRef} />
        {/* After Pay in the Tab order (terminal → amount → method → order → Pay stays as it was); shown under the terminals. */}
        <BasketPanel />
      </form>
    </>
  );
}

interface FieldsProps {
  amountLabel: string;
  blocker: ReturnType<typeof payBlocker>;
  sendingRef: RefObject<boolean>;
  error: { message: string; retryable: boolean } | null;
  nextOrderRef: string;
}

/** The checkout's fields under the terminal cards: amount (with the keypad), method, order reference and Pay. */
function CheckoutFields({ amountLabel, blocker, sendingRef, error, nextOrderRef }: FieldsProps) {
  const t = useT();
  const draft = usePos((s) => s.draft);
  const updateDraft = usePos((s) => s.updateDraft);
  return (
    <>
      <TerminalPicker />
      <div className="checkout-columns">
        {draft.lines?.length ? <BasketTotal /> : <AmountEntry />}
        <div className="checkout-side">
          <MethodPicker />
          <OrderRefField value={draft.orderRef} generated={nextOrderRef} onChange={(value) => updateDraft({ orderRef: value })} />
          <PayButton amount={amountLabel} blocker={blocker} ready={payReady(draft.paymentMethod, t)} sendingRef={sendingRef} />
          {error && <PayError {...error} />}
        </div>
      </div>
    </>
  );
}

/** No sale needs a typed reference (money-truth rule 4): empty means the generated one, shown as the placeholder. */
function OrderRefField({ value, generated, onChange }: { value: string; generated: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <div className="field inline order-field">
      <label htmlFor="order-ref">{t.t('checkout.orderRef.label')}</label>
      <input
        id="order-ref"
        autoComplete="off"
        maxLength={64}
        value={value}
        placeholder={generated}
        aria-describedby="order-ref-hint"
        onChange={(event) => onChange(event.target.value)}
      />
      <p id="order-ref-hint" className="hint">
        {value.trim() ? t.t('checkout.orderRef.own') : t.t('checkout.orderRef.generated', { order: generated })}
      </p>
    </div>
  );
}

/** Why Pay did not start a payment; a retryable one (register busy) is a warning, not an error. */
function PayError({ message, retryable }: { message: string; retryable: boolean }) {
  return (
    <p role="alert" className={retryable ? 'warn-text' : 'error-text'}>
      <span aria-hidden="true">{retryable ? GLYPH.warn : GLYPH.cross}</span>
      {message}
    </p>
  );
}

/** Pay, and the one line that says why it cannot be pressed (or that it is ready). */
function PayButton({ amount, blocker, ready, sendingRef }: { amount: string; blocker: string | null; ready: string; sendingRef: RefObject<boolean> }) {
  const t = useT();
  return (
    <>
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
        {amount ? t.t('checkout.payAmount', { amount }) : t.t('checkout.pay')} <kbd>{KEYCAP.enter}</kbd>
      </button>
      <p id="pay-reason" className="pay-reason" role="status">
        {blocker ?? ready}
      </p>
    </>
  );
}

/**
 * The core's words for a paid order (a race: the screen did not know yet), when it has them as a
 * code or the window is English; otherwise the dialog says it in the window's language from the
 * order alone (the core's sentence is English only).
 */
function repeatWords(t: Translator, error: { message: string; msg?: Msg }): { message?: string } {
  return error.msg || t.language === 'en' ? { message: t.say(error.msg, error.message) } : {};
}
