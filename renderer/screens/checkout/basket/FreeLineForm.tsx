import { useState } from 'react';
import { parseTypedAmount, type DigitsOnlyEntry } from '../../../../shared/money';
import type { BasketLine } from '../../../../shared/basket';
import { usePos } from '../../../store/context';
import { freeLine } from './basket-lines';
import { useT } from '../../../i18n/useT';
import { toAsciiDigits } from '../../../../shared/i18n/format';

/** A line for an item not in the catalogue: a name and a price, read as amounts are typed at this till. */
export function FreeLineForm({ currency, onAdd }: { currency: string; onAdd(line: BasketLine): void }) {
  const t = useT();
  const digitsOnly: DigitsOnlyEntry = usePos((s) => s.settings?.amountEntry ?? 'cash-register');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        {t.t('checkout.basket.addFree')}
      </button>
    );
  }
  const add = () => {
    const read = parseTypedAmount(toAsciiDigits(price), currency, digitsOnly);
    if (name.trim() === '') return setProblem(t.t('checkout.basket.nameIt'));
    if (!read.ok) return setProblem(t.say(read.msg));
    if (read.minor <= 0) return setProblem(t.t('checkout.basket.enterPrice'));
    onAdd(freeLine(name.slice(0, 120), read.minor));
    setName('');
    setPrice('');
    setProblem(null);
    setOpen(false);
  };
  const enterAdds = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  return (
    <div className="free-line" role="group" aria-label={t.t('checkout.basket.freeLine')}>
      <input
        aria-label={t.t('checkout.basket.freeName')}
        placeholder={t.t('checkout.basket.itemName')}
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={enterAdds}
      />
      <input
        aria-label={t.t('checkout.basket.freePrice', { currency })}
        placeholder={t.t('checkout.basket.price')}
        inputMode="decimal"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        onKeyDown={enterAdds}
      />
      <button type="button" className="secondary small" onClick={add}>
        {t.t('checkout.basket.add')}
      </button>
      <button type="button" className="secondary small" onClick={() => setOpen(false)}>
        {t.t('common.cancel')}
      </button>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </div>
  );
}
