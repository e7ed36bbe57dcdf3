import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PaymentMethod } from '../../../shared/protocol/common';
import { usePos } from '../../store/context';

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: 'Card',
  CASH: 'Cash',
  MOBILE: 'Mobile',
  OTHER: 'Other',
};

/**
 * Card and Cash always; Mobile and Other only where the store enabled them for its terminals
 * (Settings → This till; till: cash tender). A method switched off while chosen falls back to Card.
 */
export function MethodPicker() {
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
      <legend>Payment method</legend>
      {shown.map((m) => (
        <label key={m} className={`chip${method === m ? ' checked' : ''}`}>
          <input type="radio" name="method" value={m} checked={method === m} onChange={() => updateDraft({ paymentMethod: m })} />
          {METHOD_LABELS[m]}
        </label>
      ))}
    </fieldset>
  );
}
