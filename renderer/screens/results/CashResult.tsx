import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { usePos } from '../../store/context';
import { ResultLayout } from './ResultLayout';
import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

/** A cash sale recorded at the till (till: cash tender): the change to hand back comes first. */
export function CashResult({ payment, cash }: { payment: PaymentView; cash: NonNullable<PaymentView['cash']> }) {
  const t = useT();
  const autoPrint = usePos((s) => s.settings?.autoPrint ?? false);
  const money = (minor: number) => t.money(minor, payment.currency);
  return (
    <ResultLayout
      payment={payment}
      tone="ok"
      title={cash.changeMinor > 0 ? t.t('results.cash.titleChange', { change: money(cash.changeMinor) }) : t.t('results.cash.titleExact')}
    >
      <p className="result-message">
        {cash.changeMinor > 0
          ? t.t('results.cash.change', { tendered: money(cash.tenderedMinor), change: money(cash.changeMinor) })
          : t.t('results.cash.exact', { tendered: money(cash.tenderedMinor) })}
        {GLYPH.space}
        {t.t('results.cash.recorded')}
      </p>
      <ReceiptActions payment={payment} autoPrint={autoPrint} shortcut />
    </ResultLayout>
  );
}
