import type { ReactNode } from 'react';
import { formatTotal, type Total } from './summarize';

interface Props {
  caption: string;
  keyHeader: string;
  rows: { key: string; label: ReactNode; total: Total | undefined }[];
}

export function TotalsTable({ caption, keyHeader, rows }: Props) {
  return (
    <table className="totals-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">Count</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={3}>None</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{row.total?.count ?? 0}</td>
            <td className="num">{formatTotal(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
