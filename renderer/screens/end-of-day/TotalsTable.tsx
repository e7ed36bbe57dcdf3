import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { Total } from './summarize';
import { TotalAmounts } from './TotalAmounts';

interface Props {
  caption: string;
  keyHeader: string;
  rows: { key: string; label: ReactNode; total: Total | undefined }[];
}

export function TotalsTable({ caption, keyHeader, rows }: Props) {
  const t = useT();
  return (
    <table className="totals-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">{t.t('endofday.table.count')}</th>
          <th scope="col">{t.t('endofday.table.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3}>{t.t('endofday.table.none')}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{t.number(row.total?.count ?? 0)}</td>
            <td className="num">
              <TotalAmounts total={row.total} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
