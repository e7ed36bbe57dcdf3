import { useCallback } from 'react';
import type { BasketLine } from '../../../../shared/basket';
import { usePos, usePosStoreApi } from '../../../store/context';
import { withLines } from './basket-lines';

const NO_LINES: BasketLine[] = [];

/** The basket in the checkout draft, and one way to change it (lines and charged amount together). */
export function useBasket(): { lines: BasketLine[]; change(next: (lines: readonly BasketLine[]) => BasketLine[]): void } {
  const store = usePosStoreApi();
  const lines = usePos((s) => s.draft.lines ?? NO_LINES);
  const updateDraft = usePos((s) => s.updateDraft);
  // Read the lines when the change is made, not when the caller rendered: scans come back to back.
  const change = useCallback(
    (next: (lines: readonly BasketLine[]) => BasketLine[]) => updateDraft(withLines(next(store.getState().draft.lines ?? NO_LINES))),
    [store, updateDraft],
  );
  return { lines, change };
}
