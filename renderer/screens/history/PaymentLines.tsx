import { lineTotalMinor, taxByRate, type BasketLine } from '../../../shared/basket';
import { useT } from '../../i18n/useT';

/** basket: a payment's items, as the receipt lists them (name, quantity × price, line total, tax per rate). */
export function PaymentLines({ lines, currency }: { lines: readonly BasketLine[] | undefined; currency: string }) {
  const t = useT();
  if (!lines?.length) return null;
  const money = (minor: number) => t.money(minor, currency);
  const taxes = taxByRate([...lines]);
  return (
    <table className="totals-table payment-lines">
      <caption>{t.t('history.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('history.lines.item')}</th>
          <th scope="col">{t.t('history.lines.quantity')}</th>
          <th scope="col">{t.t('history.lines.price')}</th>
          <th scope="col">{t.t('history.lines.total')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={`${line.id}-${i}`}>
            <th scope="row">{line.name}</th>
            <td className="num">{t.number(line.quantity)}</td>
            <td className="num">{money(line.unitPriceMinor)}</td>
            <td className="num">{money(lineTotalMinor(line))}</td>
          </tr>
        ))}
      </tbody>
      {taxes.length > 0 && (
        <tfoot>
          {taxes.map((tax) => (
            <tr key={tax.ratePercent}>
              <th scope="row" colSpan={3}>
                {t.t('history.lines.tax', { rate: tax.ratePercent })}
              </th>
              <td className="num">{money(tax.taxMinor)}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}
