import { useEffect } from 'react';
import { usePos, usePosStoreApi } from '../../store/context';
import { selectVisibleAlertCount } from '../../store/selectors';

/**
 * Leaving a result: "Try again" keeps terminal, amount and order (the main process gives the new
 * attempt a new transactionId); "New payment" clears amount and order. Keys: R and N.
 */
export function ResultActions({ retry }: { retry: boolean }) {
  const store = usePosStoreApi();
  const setActivePayment = usePos((s) => s.setActivePayment);
  const updateDraft = usePos((s) => s.updateDraft);
  const tryAgain = () => setActivePayment(null);
  const newPayment = () => {
    updateDraft({ amountMinor: 0, orderRef: '' });
    setActivePayment(null);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      // The void alert must be answered first; keys typed at it never act behind it.
      if (selectVisibleAlertCount(store.getState()) > 0) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === 'n' || event.key === 'N') newPayment();
      else if (retry && (event.key === 'r' || event.key === 'R')) tryAgain();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="result-actions">
      {retry && (
        <button type="button" className="primary" aria-keyshortcuts="R" onClick={tryAgain}>
          Try again (new attempt) <kbd>R</kbd>
        </button>
      )}
      <button type="button" className={retry ? 'secondary' : 'primary'} aria-keyshortcuts="N" onClick={newPayment}>
        New payment <kbd>N</kbd>
      </button>
    </div>
  );
}
