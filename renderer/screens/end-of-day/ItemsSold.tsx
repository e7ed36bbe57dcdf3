import { useMemo } from 'react';
import { itemsSold } from '../../../shared/basket';
import type { PaymentView } from '../../../shared/ipc';
import { TotalsTable } from './TotalsTable';

/** basket: how many items today's approved sales carried, and the best sellers (sales rung up item by item). */
export function ItemsSold({ payments }: { payments: readonly PaymentView[] }) {
  const sold = useMemo(() => itemsSold(payments.filter((p) => p.state === 'approved')), [payments]);
  if (sold.count === 0) return null;
  return (
    <section aria-labelledby="eod-items-title">
      <h2 id="eod-items-title">Items sold</h2>
      <p data-testid="eod-items-sold">
        {sold.count} {sold.count === 1 ? 'item' : 'items'} sold in approved sales.
      </p>
      <TotalsTable
        caption="Top items"
        keyHeader="Item"
        rows={sold.top.map((item) => ({ key: item.name, label: item.name, total: { count: item.quantity, byCurrency: item.byCurrency } }))}
      />
    </section>
  );
}
