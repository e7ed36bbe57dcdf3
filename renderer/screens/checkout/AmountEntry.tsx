import { useEffect, useRef } from 'react';
import { currencyExponent } from '../../../shared/money';
import { appendDigits, formatMoney, minorFromTypedText, removeLastDigit } from '../../format/money';
import { usePos } from '../../store/context';
import { selectCurrency } from '../../store/selectors';
import { Numpad } from './Numpad';

/**
 * Amount entry, cash-register style: digits fill the minor units from the right, so the
 * cashier never types a decimal point (JPY 0 decimals, USD 2, KWD 3).
 */
export function AmountEntry() {
  // Keyboard first: the checkout form opens ready for the amount, also each time it is shown
  // again after a payment (it stays mounted, hidden, while a payment is followed).
  const shown = usePos((s) => s.activePaymentId === null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (shown) inputRef.current?.focus();
  }, [shown]);
  const amountMinor = usePos((s) => s.draft.amountMinor);
  const currency = usePos(selectCurrency);
  const updateDraft = usePos((s) => s.updateDraft);
  const setAmount = (minor: number) => updateDraft({ amountMinor: minor });
  const decimals = currencyExponent(currency);
  return (
    <div className="amount-entry">
      <div className="amount-head">
        <label htmlFor="amount">Amount ({currency})</label>
        <p id="amount-hint" className="hint">
          Digits only{decimals > 0 ? ` — the last ${decimals === 1 ? 'is the decimal' : `${decimals} are the decimals`}` : ''}. Delete clears.
        </p>
      </div>
      <input
        id="amount"
        ref={inputRef}
        className="amount-input"
        inputMode="numeric"
        autoComplete="off"
        aria-describedby="amount-hint"
        value={amountMinor === 0 ? '' : formatMoney(amountMinor, currency)}
        placeholder={formatMoney(0, currency)}
        onChange={(event) => setAmount(minorFromTypedText(event.target.value))}
        onKeyDown={(event) => {
          if (event.key === 'Delete') {
            event.preventDefault();
            setAmount(0);
          }
        }}
      />
      <Numpad
        onDigits={(keys) => setAmount(appendDigits(amountMinor, keys))}
        onBackspace={() => setAmount(removeLastDigit(amountMinor))}
        onClear={() => setAmount(0)}
        payLabel={amountMinor > 0 ? `Pay ${formatMoney(amountMinor, currency)}` : 'Pay'}
      />
    </div>
  );
}
