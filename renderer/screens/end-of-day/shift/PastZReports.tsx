import type { ShiftReport, ZReportSummary } from '../../../../shared/ipc';
import { useT } from '../../../i18n/useT';
import { useBridge } from '../../../store/context';
import { useSaidCommand } from '../../settings/said-command';
import { GLYPH } from '../../../components/glyphs';

/** Every Z report of this till, newest first; each reopens exactly as it was made (to reprint, PDF or CSV). */
export function PastZReports({ reports, onOpen }: { reports: ZReportSummary[]; onOpen(report: ShiftReport): void }) {
  const bridge = useBridge();
  const t = useT();
  const load = useSaidCommand<ShiftReport>();
  return (
    <>
      <h3>{t.t('endofday.z.past')}</h3>
      <ul className="payment-list" aria-label={t.t('endofday.z.past')}>
        {reports.map((z) => (
          <li key={z.number}>
            <button
              type="button"
              className="small"
              disabled={load.busy}
              onClick={async () => {
                const result = await load.run(() => bridge.shiftReport({ number: z.number }));
                if (result?.ok) onOpen(result.value);
              }}
            >
              {t.t('endofday.z.open', { label: z.label })}
            </button>
            {GLYPH.space}
            {t.t('endofday.z.period', { from: t.dateTime(z.openedAt), to: t.dateTime(z.closedAt) })}
          </li>
        ))}
      </ul>
      {load.error && (
        <p role="alert" className="error-text">
          {load.error}
        </p>
      )}
    </>
  );
}
