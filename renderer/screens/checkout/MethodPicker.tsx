import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PaymentMethod } from '../../../shared/protocol/common';
import type { Translator } from '../../../shared/i18n/translator';
import { englishWords } from '../../i18n/english-words';
import { useT } from '../../i18n/useT';
import { usePos } from '../../store/context';

/** A payment method in the till's words (catalogue key `checkout.method.<METHOD>`). */
export function methodLabel(method: PaymentMethod, t: Translator = englishWords()): string {
  return t.t(`checkout.method.${method}`);
}

/** English labels, for callers without a translator. */
export const METHOD_LABELS = Object.fromEntries(PaymentMethod.options.map((m) => [m, methodLabel(m)])) as Record<PaymentMethod, string>;

/**
 * Card and Cash always; Mobile and Other only where the store enabled them for its terminals
 * (Settings → This till; till: cash tender). A method switched off while chosen falls back to Card.
 */
export function MethodPicker() {
  const t = useT();
  const method = usePos((s) => s.draft.paymentMethod);
  const enabled = usePos(useShallow((s) => s.settings?.terminalMethods ?? []));
  const updateDraft = usePos((s) => s.updateDraft);
  const shown = PaymentMethod.options.filter((m) => m === 'CARD' || m === 'CASH' || enabled.includes(m));
  const offered = shown.includes(method);
  useEffect(() => {
    if (!offered) updateDraft({ paymentMethod: 'CARD' });
  }, [offered, updateDraft]);
  return (
    <fieldset className="method-picker">
      <legend>{t.t('checkout.method.legend')}</legend>
      {shown.map((m) => (
        <label key={m} className={`chip${method === m ? ' checked' : ''}`}>
          <input type="radio" name="method" value={m} checked={method === m} onChange={() => updateDraft({ paymentMethod: m })} />
          {methodLabel(m, t)}
        </label>
      ))}
    </fieldset>
  );
}
