import { ModalDialog } from '../../components/ModalDialog';
import type { BasketLine } from '../../../shared/basket';
import { useState, type FormEvent, type RefObject } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { parseTypedAmount, typedAmountText } from '../../../shared/money';
import { toAsciiDigits } from '../../../shared/i18n/format';
import { useT } from '../../i18n/useT';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useBridge, usePos } from '../../store/context';
import { quickTenders } from './cash-tender';
import { GLYPH, KEYCAP } from '../../components/glyphs';

export interface CashSale {
  orderRef: string;
  amountMinor: number;
  currency: string;
  repeatPaymentConfirmed: boolean;
  /** People: the manager's approval of a second payment for a paid order. */
  approval?: string;
  /** basket: the sale's items, kept with the cash sale like a card one. */
  lines?: BasketLine[];
}

interface Props {
  sale: CashSale;
  onRecorded(payment: PaymentView): void;
  onCancel(): void;
}

/** The dialog as the checkout opens it: a recorded sale is followed like any payment (its result screen). */
export function CashTender({ sale, onClose }: { sale: CashSale; onClose(): void }) {
  const updateDraft = usePos((s) => s.updateDraft);
  const setActivePayment = usePos((s) => s.setActivePayment);
  const recorded = (payment: PaymentView) => {
    onClose();
    updateDraft({ orderRef: payment.orderRef });
    setActivePayment(payment.transactionId);
  };
  return <CashTenderDialog sale={sale} onCancel={onClose} onRecorded={recorded} />;
}

/**
 * Cash is cash (till: cash tender): the cashier enters what the customer handed over (or taps the
 * exact amount or a round note), sees the change due, and confirms. The core records the sale at
 * the till; nothing goes to a terminal. Less than the amount is refused with both amounts said.
 */
export function CashTenderDialog({ sale, onRecorded, onCancel }: Props) {
  const bridge = useBridge();
  const digitsOnly = usePos((s) => s.settings?.amountEntry ?? 'cash-register');
  const inputRef = useFocusOnMount<HTMLInputElement>();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useCommand<PaymentView>();
  const t = useT();
  const money = (minor: number) => t.money(minor, sale.currency);
  const read = parseTypedAmount(toAsciiDigits(text), sale.currency, digitsOnly);
  const tendered = read.ok ? read.minor : 0;
  const change = tendered - sale.amountMinor;
  const type = (typed: string) => {
    setRefusal(null);
    setText(typed.slice(0, 20));
  };

  const confirm = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!read.ok) return setRefusal(t.say(read.msg));
    if (tendered < sale.amountMinor) {
      return setRefusal(t.t('checkout.cash.tooLittle', { tendered: money(tendered), due: money(sale.amountMinor) }));
    }
    setRefusal(null);
    const { orderRef, amountMinor, currency, repeatPaymentConfirmed, approval, lines } = sale;
    const result = await record.run(() =>
      bridge.recordCashSale({
        orderRef,
        amountMinor,
        currency,
        tenderedMinor: tendered,
        ...(repeatPaymentConfirmed ? { repeatPaymentConfirmed } : {}),
        ...(lines?.length ? { lines } : {}),
        ...(approval ? { approval } : {}),
      }),
    );
    if (result?.ok) onRecorded(result.value);
  };

  const problem = refusal ?? record.error;
  return (
    <ModalDialog className="cash-dialog" overlayClassName="cash-overlay" titleId="cash-title" onEscape={onCancel} onSubmit={(event) => void confirm(event)}>
      <h2 id="cash-title">{t.t('checkout.cash.title', { amount: money(sale.amountMinor) })}</h2>
      <p className="hint">{t.t('checkout.cash.hint', { order: sale.orderRef })}</p>
      <TenderedField inputRef={inputRef} text={text} invalid={problem !== null} onType={type} />
      <QuickTenders
        sale={sale}
        onPick={(minor) => {
          type(typedAmountText(minor, sale.currency));
          // Back to the field: Enter now confirms (a focused quick button would only pick again).
          inputRef.current?.focus();
        }}
      />
      <p id="cash-change" className="cash-change" role="status">
        {tendered > 0 && change >= 0
          ? t.t('checkout.cash.changeDue', { change: money(change) })
          : t.t('checkout.cash.atLeast', { amount: money(sale.amountMinor) })}
      </p>
      {problem && (
        <p role="alert" className="error-text">
          <span aria-hidden="true">{GLYPH.cross}</span>
          {problem}
        </p>
      )}
      <TenderActions busy={record.busy} onCancel={onCancel} />
    </ModalDialog>
  );
}

function QuickTenders({ sale, onPick }: { sale: CashSale; onPick(minor: number): void }) {
  const t = useT();
  return (
    <div className="quick-tenders" role="group" aria-label={t.t('checkout.cash.quick')}>
      {quickTenders(sale.amountMinor, sale.currency).map((minor, i) => (
        <button key={minor} type="button" className="secondary" onClick={() => onPick(minor)}>
          {i === 0 ? t.t('checkout.cash.exact', { amount: t.money(minor, sale.currency) }) : t.money(minor, sale.currency)}
        </button>
      ))}
    </div>
  );
}

function TenderActions({ busy, onCancel }: { busy: boolean; onCancel(): void }) {
  const t = useT();
  return (
    <div className="result-actions">
      <button type="submit" className="primary big" disabled={busy} aria-keyshortcuts="Enter">
        {t.t('checkout.cash.record')} <kbd>{KEYCAP.enter}</kbd>
      </button>
      <button type="button" className="secondary" onClick={onCancel} aria-keyshortcuts="Escape">
        {t.t('common.cancel')} <kbd>{KEYCAP.esc}</kbd>
      </button>
    </div>
  );
}

function TenderedField({
  inputRef,
  text,
  invalid,
  onType,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  text: string;
  invalid: boolean;
  onType(text: string): void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor="cash-tendered">{t.t('checkout.cash.tendered')}</label>
      <input
        id="cash-tendered"
        ref={inputRef}
        className="amount-input"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-describedby="cash-change"
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onType(event.target.value)}
      />
    </div>
  );
}
