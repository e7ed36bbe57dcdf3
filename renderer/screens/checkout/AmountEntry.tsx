import { useEffect, useRef, useState } from 'react';
import { currencyExponent, parseTypedAmount, typedAmountText, type DigitsOnlyEntry } from '../../../shared/money';
import type { Translator } from '../../../shared/i18n/translator';
import { toAsciiDigits } from '../../../shared/i18n/format';
import { useT } from '../../i18n/useT';
import { usePos } from '../../store/context';
import { selectCurrency } from '../../store/selectors';
import { Numpad } from './Numpad';
import { GLYPH } from '../../components/glyphs';

/** The typed text, capped so a held key cannot grow it without end. */
const MAX_TYPED = 20;

/**
 * Amount entry as cashiers type it (till: amounts as typed): "24.5" and "24,50" are decimal amounts;
 * digits alone are cash-register style (2450 → 24.50) unless the store chose whole units. The
 * field keeps exactly what was typed; the Pay key and the line under the label show what will
 * be charged, and a typing mistake is said in the Pay reason (the draft carries it there).
 */
export function AmountEntry() {
  // Keyboard first: the checkout form opens ready for the amount, also each time it is shown
  // again after a payment (it stays mounted, hidden, while a payment is followed).
  const t = useT();
  const shown = usePos((s) => s.activePaymentId === null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (shown) inputRef.current?.focus();
  }, [shown]);
  const amountMinor = usePos((s) => s.draft.amountMinor);
  // A problem only stands while nothing readable replaced it (see pay-blockers).
  const problem = usePos((s) => (s.draft.amountMinor === 0 ? s.draft.amountProblem : undefined));
  const currency = usePos(selectCurrency);
  const digitsOnly: DigitsOnlyEntry = usePos((s) => s.settings?.amountEntry ?? 'cash-register');
  const updateDraft = usePos((s) => s.updateDraft);
  const [text, setText] = useState(() => typedAmountText(amountMinor, currency));
  /** The amount the text was last read as: a different draft amount came from outside. */
  const [seenMinor, setSeenMinor] = useState(amountMinor);
  // Digits typed on a result screen start the next sale (till: a sale in five keys).
  const seed = usePos((s) => s.amountSeed);
  const [seenSeed, setSeenSeed] = useState(seed?.seq);

  const type = (next: string) => {
    const typed = next.slice(0, MAX_TYPED);
    setText(typed);
    // Digits typed on an Arabic or Japanese keyboard are the same digits (the field keeps what was typed).
    const read = parseTypedAmount(toAsciiDigits(typed), currency, digitsOnly);
    setSeenMinor(read.ok ? read.minor : 0);
    updateDraft(read.ok ? { amountMinor: read.minor, amountProblem: undefined } : { amountMinor: 0, amountProblem: t.say(read.msg) });
  };

  // An amount set from outside (New payment clears it, a remembered draft) replaces the text;
  // adjusted while rendering, as React advises for state that follows a prop.
  if (seed && seed.seq !== seenSeed) {
    setSeenSeed(seed.seq);
    setSeenMinor(amountMinor);
    setText(seed.text);
  } else if (seenMinor !== amountMinor) {
    setSeenMinor(amountMinor);
    setText(typedAmountText(amountMinor, currency));
  }

  const decimals = currencyExponent(currency);
  const charged = amountMinor > 0 ? t.money(amountMinor, currency) : undefined;
  const separatorKey = digitsOnly === 'whole-units' && decimals > 0;
  return (
    <div className="amount-entry">
      <div className="amount-head">
        <label htmlFor="amount">{t.t('checkout.amount.label', { currency })}</label>
        <p id="amount-hint" className="hint">
          {charged && t.t('checkout.amount.charges', { amount: charged })}
          {charged && GLYPH.space}
          {entryHint(t, digitsOnly, decimals, currency)}
        </p>
      </div>
      <input
        id="amount"
        ref={inputRef}
        className="amount-input"
        inputMode={decimals > 0 ? 'decimal' : 'numeric'}
        autoComplete="off"
        aria-describedby="amount-hint pay-reason"
        aria-invalid={problem ? true : undefined}
        value={text}
        placeholder={typedAmountText(0, currency) || t.money(0, currency)}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Delete') {
            event.preventDefault();
            type('');
          }
        }}
      />
      <Numpad
        onDigits={(keys) => type(text + keys)}
        onBackspace={() => type(text.slice(0, -1))}
        onClear={() => type('')}
        extraKey={separatorKey ? decimalSeparator() : '00'}
        payLabel={charged ? t.t('checkout.payAmount', { amount: charged }) : t.t('checkout.pay')}
      />
    </div>
  );
}

function entryHint(t: Translator, digitsOnly: DigitsOnlyEntry, decimals: number, currency: string): string {
  if (decimals === 0) return t.t('checkout.amount.noDecimals', { currency });
  const example = t.money(digitsOnly === 'cash-register' ? 2450 : 245000, currency);
  return t.t('checkout.amount.hint', { example });
}

/** The locale's decimal sign, for the keypad key (both . and , are read the same way). */
function decimalSeparator(): string {
  return (1.5).toLocaleString(undefined, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).replace(/\d/g, '') || '.';
}
