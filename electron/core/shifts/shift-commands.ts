import type { CommandName } from '../../../shared/ipc';
import { ok, refuse } from '../commands/command-result';
import type { CommandHandlers } from '../commands/command-router';
import type { ReceiptService } from '../ports';
import { reportToCsv } from './report-csv';
import { reportDocument, reportFilename } from './report-document';
import type { ShiftService } from './shift-service';

type ShiftCommand = 'getShift' | 'openShift' | 'closeShift' | 'shiftReport' | 'printShiftReport' | 'shiftReportPdf' | 'shiftReportCsv';

const NO_PRINTING = 'services.shifts.no_printing';

/** The shift commands of shared/ipc/commands.ts: the service decides, receipts print. */
export function shiftCommandHandlers(shifts: ShiftService, receipts: ReceiptService | undefined): Pick<CommandHandlers, ShiftCommand & CommandName> {
  return {
    getShift: async () => ok(shifts.status()),
    openShift: (req) => shifts.open(req),
    closeShift: (req) => shifts.close(req),
    shiftReport: async (req) => shifts.report(req),
    printShiftReport: async (req) => {
      const report = shifts.report(req);
      if (!report.ok) return report;
      if (!receipts?.printDocument) return refuse('printer_error', NO_PRINTING);
      return ok(await receipts.printDocument(reportDocument(report.value)));
    },
    shiftReportPdf: async (req) => {
      const report = shifts.report(req);
      if (!report.ok) return report;
      if (!receipts?.documentPdf) return refuse('printer_error', NO_PRINTING);
      return ok(await receipts.documentPdf(reportDocument(report.value)));
    },
    shiftReportCsv: async (req) => {
      const report = shifts.report(req);
      if (!report.ok) return report;
      return ok({ filename: reportFilename(report.value, 'csv'), csv: reportToCsv(report.value) });
    },
  };
}
