import { useEffect } from 'react';
import { formatMoney } from '../../../format/money';
import { usePos } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';

/** In place of the amount entry while the basket has lines: Pay charges the basket's total, nothing typed. */
export function BasketTotal() {
  const total = usePos((s) => s.draft.amountMinor);
  const currency = usePos(selectCurrency);
  // The amount field this replaces had the focus: hand it to Pay, so Enter still pays the sale.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) document.querySelector<HTMLButtonElement>('.pay-button')?.focus();
  }, []);
  return (
    <div className="amount-entry basket-total">
      <p className="amount-head">
        <span id="basket-total-label">Basket total ({currency})</span>
        <span className="hint">Remove every line to type an amount instead.</span>
      </p>
      <output className="amount-input" aria-labelledby="basket-total-label">
        {formatMoney(total, currency)}
      </output>
    </div>
  );
}
