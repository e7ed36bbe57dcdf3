import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { formatMoney } from '../../format/money';
import { usePos } from '../../store/context';
import { ResultLayout } from './ResultLayout';

/** A cash sale recorded at the till (till: cash tender): the change to hand back comes first. */
export function CashResult({ payment, cash }: { payment: PaymentView; cash: NonNullable<PaymentView['cash']> }) {
  const autoPrint = usePos((s) => s.settings?.autoPrint ?? false);
  const money = (minor: number) => formatMoney(minor, payment.currency);
  return (
    <ResultLayout payment={payment} tone="ok" title={cash.changeMinor > 0 ? `Cash — give ${money(cash.changeMinor)} change` : 'Cash — paid exactly'}>
      <p className="result-message">
        {cash.changeMinor > 0 ? (
          <>
            Tendered {money(cash.tenderedMinor)}, change due <strong>{money(cash.changeMinor)}</strong>.
          </>
        ) : (
          `Tendered exactly ${money(cash.tenderedMinor)}: no change due.`
        )}{' '}
        Recorded at this till; no terminal was used.
      </p>
      <ReceiptActions payment={payment} autoPrint={autoPrint} shortcut />
    </ResultLayout>
  );
}
