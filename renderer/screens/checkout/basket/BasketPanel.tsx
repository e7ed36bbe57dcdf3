import { useCallback, useState } from 'react';
import { lineFromItem, type BasketLine } from '../../../../shared/basket';
import { playScanErrorBeep } from '../../../components/beep';
import { useBridge, usePos, usePosStoreApi } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';
import { addLine, setQuantity, withLines } from './basket-lines';
import { BasketLines } from './BasketLines';
import { FreeLineForm } from './FreeLineForm';
import { ItemSearch } from './ItemSearch';
import { useBarcodeScanner } from './useBarcodeScanner';

const NO_LINES: BasketLine[] = [];

type ScanNote = { ok: boolean; text: string } | null;

/**
 * The sale's items: scanned (a keyboard-wedge scan anywhere on the checkout), found by search or
 * typed as a free line. With no lines the checkout is the amount-only sale it always was.
 */
export function BasketPanel() {
  const bridge = useBridge();
  const store = usePosStoreApi();
  const lines = usePos((s) => s.draft.lines ?? NO_LINES);
  const shown = usePos((s) => s.activePaymentId === null);
  const currency = usePos(selectCurrency);
  const updateDraft = usePos((s) => s.updateDraft);
  const [note, setNote] = useState<ScanNote>(null);

  // Read the lines when the answer arrives, not when the scan started: scans come back to back.
  const change = useCallback(
    (next: (lines: readonly BasketLine[]) => BasketLine[]) => updateDraft(withLines(next(store.getState().draft.lines ?? NO_LINES))),
    [store, updateDraft],
  );
  const add = useCallback(
    (line: BasketLine) => {
      change((current) => addLine(current, line));
      setNote({ ok: true, text: `Added ${line.name}.` });
    },
    [change],
  );
  const onScan = useCallback(
    async (barcode: string) => {
      const answer = await bridge.catalogLookup({ barcode: barcode.slice(0, 64) });
      if (answer.ok && answer.value.item) return add(lineFromItem(answer.value.item));
      setNote({ ok: false, text: answer.ok ? `Barcode ${barcode} is not in the catalogue. Search for the item or add a free line.` : answer.error.message });
      playScanErrorBeep();
    },
    [bridge, add],
  );
  useBarcodeScanner(shown, (code) => void onScan(code));

  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <section className="basket" aria-labelledby="basket-title">
      <div className="basket-head">
        <h2 id="basket-title">Basket{count > 0 ? ` (${count} item${count === 1 ? '' : 's'})` : ''}</h2>
        {lines.length > 0 && (
          <button type="button" className="secondary small" onClick={() => change(() => [])}>
            Clear basket
          </button>
        )}
      </div>
      <p id="basket-note" className={note && !note.ok ? 'error-text' : 'hint'} role="status">
        {note?.text ?? 'Scan an item, search for it, or type just the amount.'}
      </p>
      <ItemSearch currency={currency} onPick={add} />
      {lines.length > 0 && (
        <BasketLines lines={lines} currency={currency} onQuantity={(index, quantity) => change((current) => setQuantity(current, index, quantity))} />
      )}
      <FreeLineForm currency={currency} onAdd={add} />
    </section>
  );
}
