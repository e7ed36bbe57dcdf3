import { useState } from 'react';
import type { ShiftReport } from '../../../../shared/ipc';
import { useT } from '../../../i18n/useT';
import { useBridge, usePos } from '../../../store/context';
import { selectCurrency } from '../../../store/selectors';
import { CloseShiftPanel } from './CloseShiftPanel';
import { MoneyField, useTypedMoney } from './MoneyField';
import { PastZReports } from './PastZReports';
import { ShiftReportView } from './ShiftReportView';
import { useShiftStatus } from './shift-status';
import { useSaidCommand } from '../../settings/said-command';

type Panel = { kind: 'none' } | { kind: 'closing' } | { kind: 'report'; report: ShiftReport };

/** End of day's shift part: open a shift with a float, X report mid-shift, close with a Z; past Z reports. */
export function ShiftSection() {
  const t = useT();
  const bridge = useBridge();
  const { status, refresh } = useShiftStatus();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const xReport = useSaidCommand<ShiftReport>();
  const open = status?.open;

  return (
    <section className="shift-section" aria-labelledby="shift-title">
      <h2 id="shift-title">{t.t('endofday.shift.title')}</h2>
      {!status ? (
        <p className="hint">{t.t('endofday.shift.reading')}</p>
      ) : open ? (
        <>
          <p data-testid="shift-open">
            {t.t(open.openedBy ? 'endofday.shift.open_by' : 'endofday.shift.open', {
              since: t.dateTime(open.openedAt),
              name: open.openedBy?.name ?? '',
              float: t.money(open.floatMinor, open.currency),
            })}
          </p>
          {panel.kind !== 'closing' && (
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => setPanel({ kind: 'closing' })}>
                {t.t('endofday.shift.close')}
              </button>
              <button
                type="button"
                disabled={xReport.busy}
                onClick={async () => {
                  const result = await xReport.run(() => bridge.shiftReport({}));
                  if (result?.ok) setPanel({ kind: 'report', report: result.value });
                }}
              >
                {t.t('endofday.shift.x_report')}
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
  const t = useT();
  const bridge = useBridge();
  const currency = usePos(selectCurrency);
  const [text, setText] = useState('');
  const float = useTypedMoney(text, currency);
  const openShift = useSaidCommand();
  return (
    <>
      <p className="hint">{t.t('endofday.shift.none_open')}</p>
      <form
        className="shift-form"
        aria-label={t.t('endofday.shift.open_form')}
        onSubmit={async (e) => {
          e.preventDefault();
          if (float.minor === undefined) return;
          const result = await openShift.run(() => bridge.openShift({ floatMinor: float.minor! }));
          if (result?.ok) onOpened();
        }}
      >
        <MoneyField
          id="shift-float"
          label={t.t('endofday.shift.float')}
          currency={currency}
          text={text}
          onText={setText}
          minor={float.minor}
          problem={float.problem}
        />
        <button type="submit" className="primary" disabled={float.minor === undefined || openShift.busy}>
          {t.t('endofday.shift.open_button')}
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
