import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import type { PaymentState } from '../../../shared/ipc';
import { StatusIcon } from '../../components/StatusIcon';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useTodaysPayments } from '../history/todays-payments';
import { methodLabel, orderStanding, stateLabel } from './labels';
import { PaidTwiceList } from './PaidTwiceList';
import { PaymentList } from './PaymentList';
import { ItemsSold } from './ItemsSold';
import { summarize } from './summarize';
import { TotalAmounts } from './TotalAmounts';
import { TotalsTable } from './TotalsTable';
import { ShiftSection } from './shift/ShiftSection';

/** The end-of-day summary: what was taken, how, where; every void and every loose end listed. */
export function EndOfDayScreen() {
  const t = useT();
  const { payments, terminalsById, ordersByRef } = useTodaysPayments();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const summary = useMemo(() => summarize(payments), [payments]);
  const label = (id: string) => terminalsById[id]?.label ?? id;

  return (
    <section className="screen" aria-labelledby="eod-title">
      <h1 id="eod-title" ref={headingRef} tabIndex={-1}>
        {t.t('endofday.title')}
      </h1>
      <ShiftSection />
      <p className="eod-taken" data-testid="eod-taken">
        {summary.approved.count === 0 ? (
          t.t('endofday.taken.nothing')
        ) : (
          <FormattedMessage
            id="endofday.taken.total"
            values={{
              count: summary.approved.count,
              amounts: <TotalAmounts total={summary.approved} />,
              b: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        )}
      </p>
      {summary.unresolved.length > 0 && (
        <p className="warning" role="status">
          <StatusIcon tone="warn" /> {t.t('endofday.unresolved.warning', { count: summary.unresolved.length })}
        </p>
      )}
      <div className="eod-grid">
        <TotalsTable
          caption={t.t('endofday.by_status')}
          keyHeader={t.t('endofday.table.status')}
          rows={(Object.keys(summary.byStatus) as PaymentState[]).map((state) => ({
            key: state,
            label: stateLabel(t, state),
            total: summary.byStatus[state],
          }))}
        />
        <TotalsTable
          caption={t.t('endofday.by_method')}
          keyHeader={t.t('endofday.table.method')}
          rows={Object.entries(summary.byMethod).map(([m, total]) => ({ key: m, label: methodLabel(t, m), total }))}
        />
        <TotalsTable
          caption={t.t('endofday.by_terminal')}
          keyHeader={t.t('endofday.table.terminal')}
          rows={Object.entries(summary.byTerminal).map(([id, total]) => ({ key: id, label: label(id), total }))}
        />
      </div>
      <ItemsSold payments={payments} />
      <h2>{t.t('endofday.paid_twice.title')}</h2>
      <PaidTwiceList orders={Object.values(ordersByRef)} terminalLabel={label} />
      <h2>{t.t('endofday.voided.title')}</h2>
      <PaymentList
        payments={summary.voided}
        empty={t.t('endofday.voided.none')}
        terminalLabel={label}
        orderStanding={(ref) => orderStanding(t, ordersByRef[ref])}
      />
      <h2>{t.t('endofday.unresolved.title')}</h2>
      <PaymentList payments={summary.unresolved} empty={t.t('endofday.unresolved.none')} terminalLabel={label} />
    </section>
  );
}
