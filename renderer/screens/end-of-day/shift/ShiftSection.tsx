import { useState } from 'react';
import type { ShiftReport } from '../../../../shared/ipc';
import { useCommand } from '../../../hooks/useCommand';
import { formatMoney } from '../../../format/money';
import { formatDateTime } from '../../../format/time';
import { useBridge, usePos } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';
import { CloseShiftPanel } from './CloseShiftPanel';
import { MoneyField, useTypedMoney } from './MoneyField';
import { PastZReports } from './PastZReports';
import { ShiftReportView } from './ShiftReportView';
import { useShiftStatus } from './shift-status';

type Panel = { kind: 'none' } | { kind: 'closing' } | { kind: 'report'; report: ShiftReport };

/** End of day's shift part: open a shift with a float, X report mid-shift, close with a Z; past Z reports. */
export function ShiftSection() {
  const bridge = useBridge();
  const { status, refresh } = useShiftStatus();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const xReport = useCommand<ShiftReport>();
  const open = status?.open;

  return (
    <section className="shift-section" aria-labelledby="shift-title">
      <h2 id="shift-title">Shift</h2>
      {!status ? (
        <p className="hint">Reading the shift…</p>
      ) : open ? (
        <>
          <p data-testid="shift-open">
            Shift open since {formatDateTime(open.openedAt)}
            {open.openedBy ? ` by ${open.openedBy.name}` : ''} · opening float {formatMoney(open.floatMinor, open.currency)}
          </p>
          {panel.kind !== 'closing' && (
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => setPanel({ kind: 'closing' })}>
                Close shift (Z report)
              </button>
              <button
                type="button"
                disabled={xReport.busy}
                onClick={async () => {
                  const result = await xReport.run(() => bridge.shiftReport({}));
                  if (result?.ok) setPanel({ kind: 'report', report: result.value });
                }}
              >
                X report
              </button>
            </div>
          )}
          {xReport.error && (
            <p role="alert" className="error-text">
              {xReport.error}
            </p>
          )}
          {panel.kind === 'closing' && (
            <CloseShiftPanel
              shift={open}
              onCancel={() => setPanel({ kind: 'none' })}
              onClosed={(report) => {
                setPanel({ kind: 'report', report });
                refresh();
              }}
            />
          )}
        </>
      ) : (
        <OpenShiftForm onOpened={refresh} />
      )}
      {panel.kind === 'report' && <ShiftReportView report={panel.report} />}
      {status && status.zReports.length > 0 && <PastZReports reports={status.zReports} onOpen={(report) => setPanel({ kind: 'report', report })} />}
    </section>
  );
}

function OpenShiftForm({ onOpened }: { onOpened(): void }) {
  const bridge = useBridge();
  const currency = usePos(selectCurrency);
  const [text, setText] = useState('');
  const float = useTypedMoney(text, currency);
  const openShift = useCommand();
  return (
    <>
      <p className="hint">No shift is open on this till. Open one to start counting sales towards a Z report.</p>
      <form
        className="shift-form"
        aria-label="Open a shift"
        onSubmit={async (e) => {
          e.preventDefault();
          if (float.minor === undefined) return;
          const result = await openShift.run(() => bridge.openShift({ floatMinor: float.minor! }));
          if (result?.ok) onOpened();
        }}
      >
        <MoneyField id="shift-float" label="Opening float" currency={currency} text={text} onText={setText} minor={float.minor} problem={float.problem} />
        <button type="submit" className="primary" disabled={float.minor === undefined || openShift.busy}>
          Open shift
        </button>
        {openShift.error && (
          <p role="alert" className="error-text">
            {openShift.error}
          </p>
        )}
      </form>
    </>
  );
}
