import { parseTypedAmount } from '../../../shared/money';
import { usePosStoreApi } from '../../store/context';
import { selectCurrency } from '../../store/selectors';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * Key bindings for a result screen: a digit starts the next sale with that digit as the first of
 * its amount, so a repeat sale is `2 4 5 0 Enter` (till: a sale in five keys). Like "New payment"
 * it keeps terminal and method and takes the next generated order reference.
 */
export function useNextSaleDigits(): Record<string, () => void> {
  const store = usePosStoreApi();
  const start = (digit: string) => {
    const state = store.getState();
    const read = parseTypedAmount(digit, selectCurrency(state), state.settings?.amountEntry ?? 'cash-register');
    state.updateDraft({ amountMinor: read.ok ? read.minor : 0, amountProblem: undefined, orderRef: '', lines: [] });
    state.seedAmount(digit);
    state.setActivePayment(null);
  };
  return Object.fromEntries(DIGITS.map((d) => [d, () => start(d)]));
}
