import { PaymentMethod } from '../../../shared/protocol/common';
import { usePos } from '../../store/context';

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: 'Card',
  CASH: 'Cash',
  MOBILE: 'Mobile',
  OTHER: 'Other',
};

export function MethodPicker() {
  const method = usePos((s) => s.draft.paymentMethod);
  const updateDraft = usePos((s) => s.updateDraft);
  return (
    <fieldset className="method-picker">
      <legend>Payment method</legend>
      {PaymentMethod.options.map((m) => (
        <label key={m} className={`chip${method === m ? ' checked' : ''}`}>
          <input type="radio" name="method" value={m} checked={method === m} onChange={() => updateDraft({ paymentMethod: m })} />
          {METHOD_LABELS[m]}
        </label>
      ))}
    </fieldset>
  );
}
