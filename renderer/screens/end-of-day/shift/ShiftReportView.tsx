import { useState } from 'react';
import type { ReportPayment, ReportRow, ShiftReport } from '../../../../shared/ipc';
import type { Translator } from '../../../../shared/i18n/translator';
import { base64ToBytes, downloadFile } from '../../../components/ReceiptActions';
import { useT } from '../../../i18n/useT';
import { useBridge } from '../../../store/context';
import { methodLabel, stateLabel } from '../labels';
import type { Total } from '../summarize';
import { TotalsTable } from '../TotalsTable';
import { useSaidCommand } from '../../settings/said-command';

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

/** One payment of the report: order, amount, state and terminal, then who and why when known. */
function paymentLine(t: Translator, p: ReportPayment): string {
  const base = t.t('endofday.report.payment', {
    order: p.orderRef,
    amount: t.money(p.amountMinor, p.currency),
    state: stateLabel(t, p.state),
    terminal: p.terminal,
  });
  const more = [p.cashier, p.reason, p.approvedBy ? t.t('endofday.report.approved_by', { name: p.approvedBy }) : undefined];
  return [base, ...more.filter(Boolean).map((text) => t.t('endofday.payment.more', { text }))].join('');
}

function PaymentLines({ title, payments, empty }: { title: string; payments: ReportPayment[]; empty: string }) {
  const t = useT();
  return (
    <>
      <h4>{title}</h4>
      {payments.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="payment-list">
          {payments.map((p) => (
            <li key={p.transactionId}>{paymentLine(t, p)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Print, PDF and CSV of one report (an X now, or a stored Z by number). */
function ReportActions({ report }: { report: ShiftReport }) {
  const t = useT();
  const bridge = useBridge();
  const print = useSaidCommand<{ jobId: string }>();
  const pdf = useSaidCommand<{ filename: string; base64: string }>();
  const csv = useSaidCommand<{ filename: string; csv: string }>();
  const ref = report.number !== undefined ? { number: report.number } : {};
  const error = print.error ?? pdf.error ?? csv.error;
  const [printed, setPrinted] = useState(false);
  return (
    <div className="toolbar" role="group" aria-label={t.t('endofday.report.output', { label: report.label })}>
      <button
        type="button"
        disabled={print.busy}
        onClick={async () => {
          const result = await print.run(() => bridge.printShiftReport(ref));
          setPrinted(result?.ok === true);
        }}
      >
        {report.kind === 'Z' ? t.t('endofday.report.print_z', { label: report.label }) : t.t('endofday.report.print_x')}
      </button>
      <button
        type="button"
        disabled={pdf.busy}
        onClick={async () => {
          const result = await pdf.run(() => bridge.shiftReportPdf(ref));
          if (result?.ok) downloadFile(result.value.filename, base64ToBytes(result.value.base64), 'application/pdf');
        }}
      >
        {t.t('endofday.report.pdf')}
      </button>
      <button
        type="button"
        disabled={csv.busy}
        onClick={async () => {
          const result = await csv.run(() => bridge.shiftReportCsv(ref));
          if (result?.ok) downloadFile(result.value.filename, result.value.csv, 'text/csv;charset=utf-8');
        }}
      >
        {t.t('endofday.report.csv')}
      </button>
      {printed && !error && (
        <p role="status" className="hint">
          {t.t('endofday.report.printed')}
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

/** "Opened … by … · closed … by …" (a Z) or "… · made …" (an X). */
function reportPeriod(t: Translator, report: ShiftReport): string {
  const nobody = t.t('endofday.report.no_cashier');
  const opened = t.t('endofday.report.opened', { at: t.dateTime(report.openedAt), name: report.openedBy ?? nobody });
  const end =
    report.closedAt !== undefined
      ? t.t('endofday.report.closed', { at: t.dateTime(report.closedAt), name: report.closedBy ?? nobody })
      : t.t('endofday.report.made', { at: t.dateTime(report.producedAt) });
  return opened + end;
}

/** An X or Z report on screen: the figures the printer and the PDF show. */
export function ShiftReportView({ report }: { report: ShiftReport }) {
  const t = useT();
  const title = report.kind === 'Z' ? t.t('endofday.z.title', { number: report.label.slice(2) }) : t.t('endofday.x.title');
  const approval = report.unresolvedApproval;
  return (
    <section className="details shift-report" aria-label={title}>
      <h3>{title}</h3>
      <p>{reportPeriod(t, report)}</p>
      <ReportActions report={report} />
      <div className="eod-grid">
        <TotalsTable
          caption={t.t('endofday.report.taken')}
          keyHeader={t.t('endofday.report.payments')}
          rows={totalsByKey(report.approved).map((r) => ({ ...r, label: t.t('endofday.report.total') }))}
        />
        <TotalsTable
          caption={t.t('endofday.report.by_method')}
          keyHeader={t.t('endofday.table.method')}
          rows={totalsByKey(report.byMethod).map((r) => ({ ...r, label: methodLabel(t, r.key) }))}
        />
        <TotalsTable
          caption={t.t('endofday.report.by_terminal')}
          keyHeader={t.t('endofday.table.terminal')}
          rows={totalsByKey(report.byTerminal).map((r) => ({ ...r, label: r.key }))}
        />
        <TotalsTable
          caption={t.t('endofday.report.by_cashier')}
          keyHeader={t.t('endofday.table.cashier')}
          rows={totalsByKey(report.byCashier).map((r) => ({ ...r, label: r.key }))}
        />
        <TotalsTable
          caption={t.t('endofday.report.not_taken')}
          keyHeader={t.t('endofday.table.status')}
          rows={totalsByKey(report.notTaken).map((r) => ({ ...r, label: stateLabel(t, r.key) }))}
        />
        <CashTable report={report} />
      </div>
      <PaymentLines title={t.t('endofday.report.voids')} payments={report.voids} empty={t.t('endofday.report.no_voids')} />
      <PaymentLines title={t.t('endofday.report.hand_settled')} payments={report.handSettled} empty={t.t('endofday.report.none_hand_settled')} />
      <PaymentLines
        title={report.kind === 'Z' ? t.t('endofday.report.unresolved_at_close') : t.t('endofday.report.not_settled_yet')}
        payments={report.unresolved}
        empty={t.t('endofday.unresolved.none')}
      />
      {approval && (
        <p className="warning">
          {approval.by === 'manager'
            ? t.t('endofday.report.closed_unresolved_manager', { name: approval.approver ?? '' })
            : approval.approver
              ? t.t('endofday.report.closed_unresolved_confirmed', { name: approval.approver })
              : t.t('endofday.report.closed_unresolved_confirmed_unnamed')}
        </p>
      )}
    </section>
  );
}

function CashTable({ report }: { report: ShiftReport }) {
  const t = useT();
  return (
    <table className="totals-table">
      <caption>{t.t('endofday.cash.title')}</caption>
      <tbody>
        {report.cash.map((c) => (
          <CashRows key={c.currency} line={c} />
        ))}
      </tbody>
    </table>
  );
}

function CashRows({ line }: { line: ShiftReport['cash'][number] }) {
  const t = useT();
  const differenceText = useDifferenceText();
  const money = (minor: number) => t.money(minor, line.currency);
  const rows: [string, string][] = [
    [t.t('endofday.cash.float', { currency: line.currency }), money(line.floatMinor)],
    [t.t('endofday.cash.payments'), money(line.cashTakenMinor)],
    [t.t('endofday.cash.expected'), money(line.expectedMinor)],
  ];
  if (line.countedMinor !== undefined) rows.push([t.t('endofday.cash.counted'), money(line.countedMinor)]);
  if (line.differenceMinor !== undefined) rows.push([t.t('endofday.cash.difference'), differenceText(line.differenceMinor, line.currency)]);
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

/** "−€0.50 (short)", "+€1.00 (over)", "€0.00 (exact)" in the window's language. */
export function useDifferenceText(): (minor: number, currency: string) => string {
  const t = useT();
  return (minor, currency) => {
    if (minor === 0) return t.t('endofday.cash.exact', { amount: t.money(0, currency) });
    return minor < 0 ? t.t('endofday.cash.short', { amount: t.money(-minor, currency) }) : t.t('endofday.cash.over', { amount: t.money(minor, currency) });
  };
}
