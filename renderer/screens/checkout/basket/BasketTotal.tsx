import { useEffect } from 'react';
import { formatMoney } from '../../../format/money';
import { usePos } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';
import { setQuantity } from './basket-lines';
import { BasketLines } from './BasketLines';
import { useBasket } from './useBasket';
import { useT } from '../../../i18n/useT';

/** In place of the amount entry while the basket has lines: the lines and their total, which Pay charges. */
export function BasketTotal() {
  const t = useT();
  const total = usePos((s) => s.draft.amountMinor);
  const currency = usePos(selectCurrency);
  const { lines, change } = useBasket();
  // The amount field this replaces had the focus: hand it to Pay, so Enter still pays the sale.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) document.querySelector<HTMLButtonElement>('.pay-button')?.focus();
  }, []);
  return (
    <div className="amount-entry basket-total">
      <p className="amount-head">
        <span id="basket-total-label">{t.t('checkout.basket.total', { currency })}</span>
        <span className="hint">{t.t('checkout.basket.clearToType')}</span>
      </p>
      <output className="amount-input" aria-labelledby="basket-total-label">
        {formatMoney(total, currency)}
      </output>
      <BasketLines lines={lines} currency={currency} onQuantity={(index, quantity) => change((current) => setQuantity(current, index, quantity))} />
    </div>
  );
}
