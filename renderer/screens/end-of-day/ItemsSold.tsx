import { useMemo } from 'react';
import { itemsSold } from '../../../shared/basket';
import type { PaymentView } from '../../../shared/ipc';
import { useT } from '../../i18n/useT';
import { TotalsTable } from './TotalsTable';

/** basket: how many items today's approved sales carried, and the best sellers (sales rung up item by item). */
export function ItemsSold({ payments }: { payments: readonly PaymentView[] }) {
  const t = useT();
  const sold = useMemo(() => itemsSold(payments.filter((p) => p.state === 'approved')), [payments]);
  if (sold.count === 0) return null;
  return (
    <section aria-labelledby="eod-items-title">
      <h2 id="eod-items-title">{t.t('endofday.items.title')}</h2>
      <p data-testid="eod-items-sold">{t.t('endofday.items.count', { count: sold.count })}</p>
      <TotalsTable
        caption={t.t('endofday.items.top')}
        keyHeader={t.t('endofday.items.item')}
        rows={sold.top.map((item) => ({ key: item.name, label: item.name, total: { count: item.quantity, byCurrency: item.byCurrency } }))}
      />
    </section>
  );
}
