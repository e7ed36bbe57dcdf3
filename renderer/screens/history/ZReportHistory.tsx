import { useState } from 'react';
import type { ShiftReport } from '../../../shared/ipc';
import { PastZReports } from '../end-of-day/shift/PastZReports';
import { ShiftReportView } from '../end-of-day/shift/ShiftReportView';
import { useShiftStatus } from '../end-of-day/shift/shift-status';
import { useT } from '../../i18n/useT';

/** History's Z reports: every Z of this till, each reopened as it was made to reprint, save as PDF or export (the same parts End of day uses). */
export function ZReportHistory() {
  const t = useT();
  const { status } = useShiftStatus();
  const [report, setReport] = useState<ShiftReport | undefined>();
  if (!status) return <p className="hint">{t.t('history.z.reading')}</p>;
  if (status.zReports.length === 0) return <p className="hint">{t.t('history.z.none')}</p>;
  return (
    <>
      <PastZReports reports={status.zReports} onOpen={setReport} />
      {report && <ShiftReportView report={report} />}
    </>
  );
}
