import { Fragment } from 'react';
import { useT } from '../../i18n/useT';
import type { Total } from './summarize';

/**
 * A total in each of its currencies ("¥2,450 + €269.50 + KWD 24.500"), each amount isolated in
 * its own <bdi> so right-to-left text reads them in their logical order (issue 16).
 */
export function TotalAmounts({ total }: { total: Total | undefined }) {
  const t = useT();
  const parts = Object.entries(total?.byCurrency ?? {});
  if (parts.length === 0) return <>{t.t('endofday.total.none')}</>;
  return (
    <>
      {parts.map(([currency, minor], i) => (
        <Fragment key={currency}>
          {i > 0 && t.t('endofday.total.plus')}
          <bdi>{t.money(minor, currency)}</bdi>
        </Fragment>
      ))}
    </>
  );
}
