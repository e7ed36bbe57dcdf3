import { useKeyShortcuts } from '../../hooks/useKeyShortcuts';
import { usePos } from '../../store/context';
import { useNextSaleDigits } from './useNextSaleDigits';
import { useT } from '../../i18n/useT';
import { KEYCAP } from '../../components/glyphs';

/**
 * Leaving a result: the retry button ("Pay with another card", "Pay again"…) keeps terminal,
 * amount, basket and order (the main process gives it a new transactionId); "New payment" clears
 * amount, basket and order. Keys: R and N, and a digit starts the next sale with it (till: a sale
 * in five keys).
 */
export function ResultActions({ retry }: { retry: string | undefined }) {
  const t = useT();
  const setActivePayment = usePos((s) => s.setActivePayment);
  const updateDraft = usePos((s) => s.updateDraft);
  const tryAgain = () => setActivePayment(null);
  const newPayment = () => {
    updateDraft({ amountMinor: 0, orderRef: '', lines: [] });
    setActivePayment(null);
  };
  useKeyShortcuts({ n: newPayment, r: retry ? tryAgain : undefined, ...useNextSaleDigits() });

  return (
    <div className="result-actions">
      {retry && (
        <button type="button" className="primary" aria-keyshortcuts="R" onClick={tryAgain}>
          {retry} <kbd>{KEYCAP.retry}</kbd>
        </button>
      )}
      <button type="button" className={retry ? 'secondary' : 'primary'} aria-keyshortcuts="N" onClick={newPayment}>
        {t.t('results.newPayment')} <kbd>{KEYCAP.newPayment}</kbd>
      </button>
    </div>
  );
}
