import { useMemo } from 'react';
import type { PaymentState } from '../../../shared/ipc';
import { StatusIcon } from '../../components/StatusIcon';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { PAYMENT_STATUS } from '../../format/status';
import { METHOD_LABELS } from '../checkout/MethodPicker';
import { useTodaysPayments } from '../history/todays-payments';
import { orderStandingLabel } from '../../format/order';
import { PaidTwiceList } from './PaidTwiceList';
import { PaymentList } from './PaymentList';
import { ItemsSold } from './ItemsSold';
import { formatTotal, summarize } from './summarize';
import { TotalsTable } from './TotalsTable';
import { ShiftSection } from './shift/ShiftSection';

/** The end-of-day summary: what was taken, how, where; every void and every loose end listed. */
export function EndOfDayScreen() {
  const { payments, terminalsById, ordersByRef } = useTodaysPayments();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const summary = useMemo(() => summarize(payments), [payments]);
  const label = (id: string) => terminalsById[id]?.label ?? id;

  return (
    <section className="screen" aria-labelledby="eod-title">
      <h1 id="eod-title" ref={headingRef} tabIndex={-1}>
        End of day
      </h1>
      <ShiftSection />
      <p className="eod-taken" data-testid="eod-taken">
        {summary.approved.count === 0 ? (
          'Nothing taken yet today.'
        ) : (
          <>
            Taken today: <strong>{formatTotal(summary.approved)}</strong> in {summary.approved.count} approved{' '}
            {summary.approved.count === 1 ? 'payment' : 'payments'}
          </>
        )}
      </p>
      {summary.unresolved.length > 0 && (
        <p className="warning" role="status">
          <StatusIcon tone="warn" /> {summary.unresolved.length} {summary.unresolved.length === 1 ? 'payment is' : 'payments are'} not settled. Resolve them
          before closing the day.
        </p>
      )}
      <div className="eod-grid">
        <TotalsTable
          caption="By status"
          keyHeader="Status"
          rows={(Object.keys(summary.byStatus) as PaymentState[]).map((state) => ({
            key: state,
            label: PAYMENT_STATUS[state].label,
            total: summary.byStatus[state],
          }))}
        />
        <TotalsTable
          caption="Approved by method"
          keyHeader="Method"
          rows={Object.entries(summary.byMethod).map(([m, total]) => ({ key: m, label: METHOD_LABELS[m as keyof typeof METHOD_LABELS] ?? m, total }))}
        />
        <TotalsTable
          caption="Approved by terminal"
          keyHeader="Terminal"
          rows={Object.entries(summary.byTerminal).map(([id, total]) => ({ key: id, label: label(id), total }))}
        />
      </div>
      <ItemsSold payments={payments} />
      <h2>Orders paid more than once</h2>
      <PaidTwiceList orders={Object.values(ordersByRef)} terminalLabel={label} />
      <h2>Voided payments (customer not charged)</h2>
      <PaymentList
        payments={summary.voided}
        empty="No voided payments today."
        terminalLabel={label}
        orderStanding={(ref) => orderStandingLabel(ordersByRef[ref])}
      />
      <h2>Not settled</h2>
      <PaymentList payments={summary.unresolved} empty="Every payment is settled." terminalLabel={label} />
    </section>
  );
}
