import type { Ref } from 'react';
import { parseTypedAmount, type DigitsOnlyEntry } from '../../../../shared/money';
import { toAsciiDigits } from '../../../../shared/i18n/format';
import { useT } from '../../../i18n/useT';
import { usePos } from '../../../store/context';

/** Reads a typed cash amount the way the checkout does (24.50, 24,50, or digits as the store chose). */
export function useTypedMoney(text: string, currency: string): { minor: number | undefined; problem: string | undefined } {
  const digitsOnly: DigitsOnlyEntry = usePos((s) => s.settings?.amountEntry ?? 'cash-register');
  const t = useT();
  // Arabic-Indic or full-width digits typed on a local keyboard read as the same amount.
  const read = parseTypedAmount(toAsciiDigits(text), currency, digitsOnly);
  return read.ok ? { minor: read.minor, problem: undefined } : { minor: undefined, problem: t.say(read.msg) };
}

interface Props {
  id: string;
  label: string;
  currency: string;
  text: string;
  onText(text: string): void;
  minor: number | undefined;
  problem: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled cash amount with what it reads as (or what is wrong) said under it. */
export function MoneyField({ id, label, currency, text, onText, minor, problem, inputRef }: Props) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t.t('endofday.shift.money_label', { label, currency })}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value.slice(0, 20))}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
        ref={inputRef}
      />
      <p id={`${id}-hint`} className={problem ? 'error-text' : 'hint'}>
        {problem ?? (minor !== undefined ? t.t('endofday.shift.reads_as', { amount: t.money(minor, currency) }) : '')}
      </p>
    </div>
  );
}
