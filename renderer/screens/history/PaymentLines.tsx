import { lineTotalMinor, taxByRate, type BasketLine } from '../../../shared/basket';
import { formatMoney } from '../../format/money';

/** basket: a payment's items, as the receipt lists them (name, quantity × price, line total, tax per rate). */
export function PaymentLines({ lines, currency }: { lines: readonly BasketLine[] | undefined; currency: string }) {
  if (!lines?.length) return null;
  const taxes = taxByRate([...lines]);
  return (
    <table className="totals-table payment-lines">
      <caption>Items</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Quantity</th>
          <th scope="col">Price</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={`${line.id}-${i}`}>
            <th scope="row">{line.name}</th>
            <td className="num">{line.quantity}</td>
            <td className="num">{formatMoney(line.unitPriceMinor, currency)}</td>
            <td className="num">{formatMoney(lineTotalMinor(line), currency)}</td>
          </tr>
        ))}
      </tbody>
      {taxes.length > 0 && (
        <tfoot>
          {taxes.map((t) => (
            <tr key={t.ratePercent}>
              <th scope="row" colSpan={3}>
                incl. {t.ratePercent} % tax
              </th>
              <td className="num">{formatMoney(t.taxMinor, currency)}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
