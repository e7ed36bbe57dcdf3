import { useMemo } from 'react';
import { itemsSold } from '../../../shared/basket';
import type { PaymentView } from '../../../shared/ipc';
import { formatTotal } from './summarize';

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
      <table className="totals-table">
        <caption>Top items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Sold</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {sold.top.map((item) => (
            <tr key={item.name}>
              <th scope="row">{item.name}</th>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatTotal({ count: item.quantity, byCurrency: item.byCurrency })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
