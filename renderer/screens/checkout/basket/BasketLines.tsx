import { useEffect, useRef } from 'react';
import { lineTotalMinor, MAX_LINE_QUANTITY, type BasketLine } from '../../../../shared/basket';
import { useT } from '../../../i18n/useT';
import { GLYPH } from '../../../components/glyphs';

interface BasketLinesProps {
  lines: readonly BasketLine[];
  currency: string;
  onQuantity(index: number, quantity: number): void;
}

/** The basket's lines, newest at the bottom; the list scrolls on its own so Pay never moves out of the window. */
export function BasketLines({ lines, currency, onQuantity }: BasketLinesProps) {
  const t = useT();
  // A new line goes at the bottom: keep it in view, as a scanner adds it without a look at the list.
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines.length]);
  return (
    <ul ref={list} className="basket-lines" aria-label={t.t('checkout.basket.items')} tabIndex={lines.length > 4 ? 0 : undefined}>
      {lines.map((line, index) => (
        <li key={`${line.id}-${index}`} className="basket-line" data-line-id={line.id}>
          <span className="basket-line-name">{line.name}</span>
          <span className="basket-line-unit">
            {t.number(line.quantity)} {GLYPH.times} <bdi>{t.money(line.unitPriceMinor, currency)}</bdi>
          </span>
          <span className="basket-qty">
            <button
              type="button"
              className="secondary small"
              aria-label={t.t('checkout.basket.less', { name: line.name })}
              onClick={() => onQuantity(index, line.quantity - 1)}
            >
              {GLYPH.minus}
            </button>
            <input
              type="number"
              min={1}
              max={MAX_LINE_QUANTITY}
              inputMode="numeric"
              aria-label={t.t('checkout.basket.quantity', { name: line.name })}
              value={line.quantity}
              onChange={(event) => {
                const quantity = Number(event.target.value);
                // An emptied field is a person about to type a number, not a removal.
                if (event.target.value !== '' && quantity >= 1) onQuantity(index, quantity);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
            <button
              type="button"
              className="secondary small"
              aria-label={t.t('checkout.basket.more', { name: line.name })}
              onClick={() => onQuantity(index, line.quantity + 1)}
            >
              {GLYPH.plus}
            </button>
          </span>
          <span className="basket-line-total">
            <bdi>{t.money(lineTotalMinor(line), currency)}</bdi>
          </span>
          <button
            type="button"
            className="secondary small basket-remove"
            aria-label={t.t('checkout.basket.remove', { name: line.name })}
            onClick={() => onQuantity(index, 0)}
          >
            {GLYPH.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}
