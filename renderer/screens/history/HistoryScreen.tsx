import { useMemo, useState } from 'react';
import { PaymentState, type OrderView, type PaymentView } from '../../../shared/ipc';
import { downloadFile } from '../../components/ReceiptActions';
import { StatusBadge } from '../../components/StatusBadge';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useBridge } from '../../store/context';
import { orderStanding, stateLabel } from '../end-of-day/labels';
import { useSaidCommand } from '../settings/said-command';
import { filterPayments, type StatusFilter } from './history-filter';
import { byCashier, cashiersOf, NO_CASHIER } from './cashier-filter';
import { PaymentDetails } from './PaymentDetails';
import { useTodaysPayments } from './todays-payments';
import { ZReportHistory } from './ZReportHistory';

type HistoryView = 'payments' | 'z';

const STATES = PaymentState.options;

/** History: today's payments, or this till's past Z reports (one switch, the payments first). */
export function HistoryScreen() {
  const t = useT();
  const [view, setView] = useState<HistoryView>('payments');
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="screen" aria-labelledby="history-title">
      <h1 id="history-title" ref={headingRef} tabIndex={-1}>
        {view === 'payments' ? t.t('history.title.payments') : t.t('history.title.z')}
      </h1>
      <div className="toolbar" role="group" aria-label={t.t('history.view.label')}>
        <button type="button" aria-pressed={view === 'payments'} onClick={() => setView('payments')}>
          {t.t('history.view.payments')}
        </button>
        <button type="button" aria-pressed={view === 'z'} onClick={() => setView('z')}>
          {t.t('history.view.z')}
        </button>
      </div>
      {view === 'payments' ? <PaymentsHistory /> : <ZReportHistory />}
    </section>
  );
}

/** Today's payments (and any still unresolved), newest first, with search, filter, details and CSV. */
function PaymentsHistory() {
  const t = useT();
  const bridge = useBridge();
  const { payments, paymentsById, terminalsById, ordersByRef } = useTodaysPayments();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  // People: the cashier filter and column appear once any attempt names its cashier.
  const [cashier, setCashier] = useState('');
  const cashiers = useMemo(() => (payments.some((p) => p.cashier) ? cashiersOf(payments) : []), [payments]);
  const exportCsv = useSaidCommand<{ filename: string; csv: string }>();

  const label = (id: string) => terminalsById[id]?.label ?? id;
  const rows: PaymentView[] = useMemo(
    () =>
      byCashier(
        filterPayments([...payments].reverse(), query, status, (id) => terminalsById[id]?.label ?? id),
        cashier,
      ),
    [payments, terminalsById, query, status, cashier],
  );
  const selectedPayment = selected ? paymentsById[selected] : undefined;

  const doExport = async () => {
    const result = await exportCsv.run(() => bridge.exportCsv({}));
    if (result?.ok) downloadFile(result.value.filename, result.value.csv, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="history-search">{t.t('history.search')}</label>
          <input id="history-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t.t('history.search.placeholder')} />
        </div>
        <div className="field">
          <label htmlFor="history-status">{t.t('history.status')}</label>
          <select id="history-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">{t.t('history.filter.all')}</option>
            <option value="open">{t.t('history.filter.open')}</option>
            {STATES.map((state) => (
              <option key={state} value={state}>
                {stateLabel(t, state)}
              </option>
            ))}
          </select>
        </div>
        {cashiers.length > 0 && (
          <div className="field">
            <label htmlFor="history-cashier">{t.t('history.cashier')}</label>
            <select id="history-cashier" value={cashier} onChange={(e) => setCashier(e.target.value)}>
              <option value="">{t.t('history.filter.all')}</option>
              {cashiers.map((name) => (
                <option key={name} value={name}>
                  {name === NO_CASHIER ? t.t('history.no_cashier') : name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={() => void doExport()} disabled={exportCsv.busy}>
          {t.t('history.export_csv')}
        </button>
      </div>
      {exportCsv.error && (
        <p role="alert" className="error-text">
          {exportCsv.error}
        </p>
      )}
      <p role="status" className="hint">
        {t.t('history.shown', { count: rows.length })}
      </p>
      {rows.length > 0 && (
        <HistoryTable rows={rows} selected={selected} onSelect={setSelected} ordersByRef={ordersByRef} label={label} showCashier={cashiers.length > 0} />
      )}
      {selectedPayment && <PaymentDetails payment={selectedPayment} onClose={() => setSelected(null)} />}
    </>
  );
}

interface HistoryTableProps {
  rows: PaymentView[];
  selected: string | null;
  onSelect(transactionId: string): void;
  ordersByRef: Record<string, OrderView>;
  label(terminalId: string): string;
  showCashier: boolean;
}

function HistoryTable({ rows, selected, onSelect: setSelected, ordersByRef, label, showCashier }: HistoryTableProps) {
  const t = useT();
  return (
    <table className="history-table">
      <thead>
        <tr>
          <th scope="col">{t.t('history.col.time')}</th>
          <th scope="col">{t.t('history.col.order')}</th>
          <th scope="col">{t.t('history.col.amount')}</th>
          <th scope="col">{t.t('history.col.status')}</th>
          <th scope="col">{t.t('history.col.order_paid')}</th>
          <th scope="col">{t.t('history.col.terminal')}</th>
          {showCashier && <th scope="col">{t.t('history.col.cashier')}</th>}
          <th scope="col">
            <span className="visually-hidden">{t.t('history.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.transactionId} className={selected === p.transactionId ? 'selected' : undefined}>
            <td>{t.clock(p.createdAt)}</td>
            <td>
              <bdi>{p.orderRef}</bdi>
            </td>
            <td className="num">
              <bdi>{t.money(p.amountMinor, p.currency)}</bdi>
            </td>
            <td>
              <StatusBadge state={p.state} />
            </td>
            <td>{orderStanding(t, ordersByRef[p.orderRef])}</td>
            <td>
              <bdi>{label(p.terminalId)}</bdi>
            </td>
            {showCashier && <td>{p.cashier ? <bdi>{p.cashier.name}</bdi> : t.t('history.no_cashier')}</td>}
            <td>
              <button
                type="button"
                className="small"
                onClick={() => setSelected(p.transactionId)}
                aria-label={t.t('history.details_for', { order: p.orderRef })}
              >
                {t.t('history.details')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
