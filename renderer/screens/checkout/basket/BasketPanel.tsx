import { useCallback, useState } from 'react';
import { lineFromItem, type BasketLine } from '../../../../shared/basket';
import { playScanErrorBeep } from '../../../components/beep';
import { useBridge, usePos } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';
import { addLine } from './basket-lines';
import { FreeLineForm } from './FreeLineForm';
import { ItemSearch } from './ItemSearch';
import { useBarcodeScanner } from './useBarcodeScanner';
import { useBasket } from './useBasket';
import { useT } from '../../../i18n/useT';

type ScanNote = { ok: boolean; text: string } | null;

/**
 * Ringing items up: a keyboard-wedge scan anywhere on the checkout, a search, or a free line. The
 * lines themselves show where the amount entry was (BasketTotal), next to Pay. With no lines the
 * checkout is the amount-only sale it always was.
 */
export function BasketPanel() {
  const t = useT();
  const bridge = useBridge();
  const { lines, change } = useBasket();
  const shown = usePos((s) => s.activePaymentId === null);
  const currency = usePos(selectCurrency);
  const [note, setNote] = useState<ScanNote>(null);
  const add = useCallback(
    (line: BasketLine) => {
      change((current) => addLine(current, line));
      setNote({ ok: true, text: t.t('checkout.basket.added', { name: line.name }) });
    },
    [change, t],
  );
  const onScan = useCallback(
    async (barcode: string) => {
      const answer = await bridge.catalogLookup({ barcode: barcode.slice(0, 64) });
      if (answer.ok && answer.value.item) return add(lineFromItem(answer.value.item));
      setNote({ ok: false, text: answer.ok ? t.t('checkout.basket.unknownBarcode', { barcode }) : t.say(answer.error.msg, answer.error.message) });
      playScanErrorBeep();
    },
    [bridge, add, t],
  );
  useBarcodeScanner(shown, (code) => void onScan(code));

  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <section className="basket" aria-labelledby="basket-title">
      <div className="basket-head">
        <h2 id="basket-title">{count > 0 ? t.t('checkout.basket.titleCount', { count }) : t.t('checkout.basket.title')}</h2>
        {lines.length > 0 && (
          <button type="button" className="secondary small" onClick={() => change(() => [])}>
            {t.t('checkout.basket.clear')}
          </button>
        )}
      </div>
      <p id="basket-note" className={note && !note.ok ? 'error-text' : 'hint'} role="status">
        {note?.text ?? t.t('checkout.basket.help')}
      </p>
      <ItemSearch currency={currency} onPick={add} />
      <FreeLineForm currency={currency} onAdd={add} />
    </section>
  );
}
