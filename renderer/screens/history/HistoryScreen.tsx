import { useMemo, useState } from 'react';
import type { OrderView, PaymentView } from '../../../shared/ipc';
import { downloadFile } from '../../components/ReceiptActions';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { formatMoney } from '../../format/money';
import { PAYMENT_STATUS } from '../../format/status';
import { orderStandingLabel } from '../../format/order';
import { formatClock } from '../../format/time';
import { useBridge } from '../../store/context';
import { filterPayments, type StatusFilter } from './history-filter';
import { byCashier, cashierName, cashiersOf } from './cashier-filter';
import { PaymentDetails } from './PaymentDetails';
import { useTodaysPayments } from './todays-payments';
import { ZReportHistory } from './ZReportHistory';

type HistoryView = 'payments' | 'z';

/** History: today's payments, or this till's past Z reports (one switch, the payments first). */
export function HistoryScreen() {
  const [view, setView] = useState<HistoryView>('payments');
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="screen" aria-labelledby="history-title">
      <h1 id="history-title" ref={headingRef} tabIndex={-1}>
        {view === 'payments' ? "Today's payments" : 'Z reports'}
      </h1>
      <div className="toolbar" role="group" aria-label="Show">
        <button type="button" aria-pressed={view === 'payments'} onClick={() => setView('payments')}>
          Payments
        </button>
        <button type="button" aria-pressed={view === 'z'} onClick={() => setView('z')}>
          Z reports
        </button>
      </div>
      {view === 'payments' ? <PaymentsHistory /> : <ZReportHistory />}
    </section>
  );
}

/** Today's payments (and any still unresolved), newest first, with search, filter, details and CSV. */
function PaymentsHistory() {
  const bridge = useBridge();
  const { payments, paymentsById, terminalsById, ordersByRef } = useTodaysPayments();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  // People: the cashier filter and column appear once any attempt names its cashier.
  const [cashier, setCashier] = useState('');
  const cashiers = useMemo(() => (payments.some((p) => p.cashier) ? cashiersOf(payments) : []), [payments]);
  const exportCsv = useCommand<{ filename: string; csv: string }>();

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
          <label htmlFor="history-search">Search</label>
          <input id="history-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Order, amount, code…" />
        </div>
        <div className="field">
          <label htmlFor="history-status">Status</label>
          <select id="history-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">All</option>
            <option value="open">Not settled</option>
            {Object.entries(PAYMENT_STATUS).map(([state, s]) => (
              <option key={state} value={state}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {cashiers.length > 0 && (
          <div className="field">
            <label htmlFor="history-cashier">Cashier</label>
            <select id="history-cashier" value={cashier} onChange={(e) => setCashier(e.target.value)}>
              <option value="">All</option>
              {cashiers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={() => void doExport()} disabled={exportCsv.busy}>
          Export CSV
        </button>
      </div>
      {exportCsv.error && (
        <p role="alert" className="error-text">
          {exportCsv.error}
        </p>
      )}
      <p role="status" className="hint">
        {rows.length} {rows.length === 1 ? 'payment' : 'payments'} shown
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
  return (
    <table className="history-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Order</th>
          <th scope="col">Amount</th>
          <th scope="col">Status</th>
          <th scope="col">Order paid?</th>
          <th scope="col">Terminal</th>
          {showCashier && <th scope="col">Cashier</th>}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.transactionId} className={selected === p.transactionId ? 'selected' : undefined}>
            <td>{formatClock(p.createdAt)}</td>
            <td>{p.orderRef}</td>
            <td className="num">{formatMoney(p.amountMinor, p.currency)}</td>
            <td>
              <StatusBadge state={p.state} />
            </td>
            <td>{orderStandingLabel(ordersByRef[p.orderRef])}</td>
            <td>{label(p.terminalId)}</td>
            {showCashier && <td>{cashierName(p)}</td>}
            <td>
              <button type="button" className="small" onClick={() => setSelected(p.transactionId)} aria-label={`Details for order ${p.orderRef}`}>
                Details
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
