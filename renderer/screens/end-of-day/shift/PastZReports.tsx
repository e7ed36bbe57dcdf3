import type { ShiftReport, ZReportSummary } from '../../../../shared/ipc';
import { useCommand } from '../../../hooks/useCommand';
import { formatDateTime } from '../../../format/time';
import { useBridge } from '../../../store/context';

/** Every Z report of this till, newest first; each reopens exactly as it was made (to reprint, PDF or CSV). */
export function PastZReports({ reports, onOpen }: { reports: ZReportSummary[]; onOpen(report: ShiftReport): void }) {
  const bridge = useBridge();
  const load = useCommand<ShiftReport>();
  return (
    <>
      <h3>Past Z reports</h3>
      <ul className="payment-list" aria-label="Past Z reports">
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
              Open {z.label}
            </button>{' '}
            {formatDateTime(z.openedAt)} – {formatDateTime(z.closedAt)}
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
