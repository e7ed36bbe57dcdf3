import { useState } from 'react';
import type { ReportPayment, ReportRow, ShiftReport } from '../../../../shared/ipc';
import { base64ToBytes, downloadFile } from '../../../components/ReceiptActions';
import { useCommand } from '../../../hooks/useCommand';
import { formatMoney } from '../../../format/money';
import { formatDateTime } from '../../../format/time';
import { PAYMENT_STATUS } from '../../../format/status';
import { METHOD_LABELS } from '../../checkout/MethodPicker';
import { useBridge } from '../../../store/context';
import type { Total } from '../summarize';
import { TotalsTable } from '../TotalsTable';

/** Rows per key with every currency of that key kept apart ("€10.00 + ¥500"). */
function totalsByKey(rows: ReportRow[]): { key: string; total: Total }[] {
  const byKey = new Map<string, Total>();
  for (const r of rows) {
    const total = byKey.get(r.key) ?? { count: 0, byCurrency: {} };
    total.count += r.count;
    total.byCurrency[r.currency] = (total.byCurrency[r.currency] ?? 0) + r.amountMinor;
    byKey.set(r.key, total);
  }
  return [...byKey.entries()].map(([key, total]) => ({ key, total }));
}

function stateLabel(state: string): string {
  return PAYMENT_STATUS[state as keyof typeof PAYMENT_STATUS]?.label ?? state;
}

function PaymentLines({ title, payments, empty }: { title: string; payments: ReportPayment[]; empty: string }) {
  return (
    <>
      <h4>{title}</h4>
      {payments.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="payment-list">
          {payments.map((p) => (
            <li key={p.transactionId}>
              Order <strong>{p.orderRef}</strong> — {formatMoney(p.amountMinor, p.currency)} — {stateLabel(p.state)} on {p.terminal}
              {p.cashier ? ` — ${p.cashier}` : ''}
              {p.reason ? ` — ${p.reason}` : ''}
              {p.approvedBy ? ` — approved by ${p.approvedBy}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Print, PDF and CSV of one report (an X now, or a stored Z by number). */
function ReportActions({ report }: { report: ShiftReport }) {
  const bridge = useBridge();
  const print = useCommand<{ jobId: string }>();
  const pdf = useCommand<{ filename: string; base64: string }>();
  const csv = useCommand<{ filename: string; csv: string }>();
  const ref = report.number !== undefined ? { number: report.number } : {};
  const error = print.error ?? pdf.error ?? csv.error;
  const [printed, setPrinted] = useState(false);
  return (
    <div className="toolbar" role="group" aria-label={`${report.label} output`}>
      <button
        type="button"
        disabled={print.busy}
        onClick={async () => {
          const result = await print.run(() => bridge.printShiftReport(ref));
          setPrinted(result?.ok === true);
        }}
      >
        Print {report.kind === 'Z' ? report.label : 'X report'}
      </button>
      <button
        type="button"
        disabled={pdf.busy}
        onClick={async () => {
          const result = await pdf.run(() => bridge.shiftReportPdf(ref));
          if (result?.ok) downloadFile(result.value.filename, base64ToBytes(result.value.base64), 'application/pdf');
        }}
      >
        Save PDF
      </button>
      <button
        type="button"
        disabled={csv.busy}
        onClick={async () => {
          const result = await csv.run(() => bridge.shiftReportCsv(ref));
          if (result?.ok) downloadFile(result.value.filename, result.value.csv, 'text/csv;charset=utf-8');
        }}
      >
        Export CSV
      </button>
      {printed && !error && (
        <p role="status" className="hint">
          Sent to the receipt printer.
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}

/** An X or Z report on screen: the figures the printer and the PDF show. */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const title = report.kind === 'Z' ? `Z report ${report.label.slice(2)}` : 'X report (shift still open)';
  return (
    <section className="details shift-report" aria-label={title}>
      <h3>{title}</h3>
      <p>
        Opened {formatDateTime(report.openedAt)} by {report.openedBy ?? 'no cashier'}
        {report.closedAt !== undefined
          ? ` · closed ${formatDateTime(report.closedAt)} by ${report.closedBy ?? 'no cashier'}`
          : ` · made ${formatDateTime(report.producedAt)}`}
      </p>
      <ReportActions report={report} />
      <div className="eod-grid">
        <TotalsTable caption="Taken (approved)" keyHeader="Payments" rows={totalsByKey(report.approved).map((r) => ({ ...r, label: 'Total' }))} />
        <TotalsTable
          caption="By method"
          keyHeader="Method"
          rows={totalsByKey(report.byMethod).map((r) => ({ ...r, label: METHOD_LABELS[r.key as keyof typeof METHOD_LABELS] ?? r.key }))}
        />
        <TotalsTable caption="By terminal" keyHeader="Terminal" rows={totalsByKey(report.byTerminal).map((r) => ({ ...r, label: r.key }))} />
        <TotalsTable caption="By cashier" keyHeader="Cashier" rows={totalsByKey(report.byCashier).map((r) => ({ ...r, label: r.key }))} />
        <TotalsTable caption="Not taken" keyHeader="Status" rows={totalsByKey(report.notTaken).map((r) => ({ ...r, label: stateLabel(r.key) }))} />
        <CashTable report={report} />
      </div>
      <PaymentLines title="Voids (customer not charged)" payments={report.voids} empty="No voids." />
      <PaymentLines title="Settled by hand" payments={report.handSettled} empty="None settled by hand." />
      <PaymentLines title={report.kind === 'Z' ? 'Unresolved at close' : 'Not settled yet'} payments={report.unresolved} empty="Every payment is settled." />
      {report.unresolvedApproval && (
        <p className="warning">
          Closed with unresolved payments: {report.unresolvedApproval.by === 'manager' ? 'approved by manager' : 'confirmed'}
          {report.unresolvedApproval.approver ? ` ${report.unresolvedApproval.approver}` : ''}.
        </p>
      )}
    </section>
  );
}

function CashTable({ report }: { report: ShiftReport }) {
  return (
    <table className="totals-table">
      <caption>Cash in the drawer</caption>
      <tbody>
        {report.cash.map((c) => (
          <CashRows key={c.currency} line={c} />
        ))}
      </tbody>
    </table>
  );
}

function CashRows({ line }: { line: ShiftReport['cash'][number] }) {
  const money = (minor: number) => formatMoney(minor, line.currency);
  const rows: [string, string][] = [
    [`Opening float (${line.currency})`, money(line.floatMinor)],
    ['Cash payments', money(line.cashTakenMinor)],
    ['Expected', money(line.expectedMinor)],
  ];
  if (line.countedMinor !== undefined) rows.push(['Counted', money(line.countedMinor)]);
  if (line.differenceMinor !== undefined) rows.push(['Difference', differenceText(line.differenceMinor, line.currency)]);
  return (
    <>
      {rows.map(([label, value]) => (
        <tr key={label}>
          <th scope="row">{label}</th>
          <td className="num">{value}</td>
        </tr>
      ))}
    </>
  );
}

/** "−€0.50 (short)", "€1.00 (over)", "€0.00 (exact)". */
export function differenceText(minor: number, currency: string): string {
  if (minor === 0) return `${formatMoney(0, currency)} (exact)`;
  return minor < 0 ? `−${formatMoney(-minor, currency)} (short)` : `+${formatMoney(minor, currency)} (over)`;
}
