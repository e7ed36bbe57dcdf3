import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ShiftReport, ShiftView, type ZReportSummary } from '../../../shared/ipc/shifts';
import type { Logger } from '../ports';
import { writeFileAtomic } from '../settings/atomic-write';

/**
 * Where shifts live on disk, under `<dataDir>/shifts/`:
 * - `open-shift.json`: the shift that is open now (absent when none), so a restart keeps it;
 * - `z/Z-0001.json`, `z/Z-0002.json` …: every Z report, stored whole when it is made and never
 *   written again, so a reprint is the same document and a number is never reused.
 *
 * Files written atomically (write-temp, fsync, rename) rather than journal records: a shift is one
 * small document that changes twice in its life, and a Z report is a document a back office may
 * open on its own; neither needs the payment journal's append-and-replay. Closing writes the Z
 * first and then removes the open shift; a crash between the two leaves a Z that names the open
 * shift's id, and `load` treats that shift as closed.
 */

const Z_FILE = /^Z-(\d{4,})\.json$/;

export class ZReportExists extends Error {
  readonly code = 'not_allowed';
}

export class ShiftStore {
  private readonly zDir: string;
  private readonly openFile: string;
  private open: ShiftView | undefined;
  private summaries: (ZReportSummary & { shiftId: string })[] = [];
  private highestNumber = 0;

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {
    this.zDir = path.join(dir, 'z');
    this.openFile = path.join(dir, 'open-shift.json');
    this.load();
  }

  openShift(): ShiftView | undefined {
    return this.open;
  }

  /** Newest first. */
  zReports(): ZReportSummary[] {
    return this.summaries.map(({ shiftId: _id, ...s }) => s).sort((a, b) => b.number - a.number);
  }

  /** The number the next Z gets: one past the highest file ever written (an unreadable one included). */
  nextZNumber(): number {
    return this.highestNumber + 1;
  }

  readZ(number: number): ShiftReport | undefined {
    const file = this.zFile(number);
    if (!existsSync(file)) return undefined;
    return ShiftReport.parse(JSON.parse(readFileSync(file, 'utf8')));
  }

  async saveOpen(shift: ShiftView): Promise<void> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.openFile, `${JSON.stringify(shift, null, 2)}\n`);
    this.open = shift;
  }

  /** Stores a Z whole and closes its shift. Refuses to write over an existing Z of that number. */
  async saveZ(report: ShiftReport): Promise<void> {
    const number = report.number!;
    const file = this.zFile(number);
    mkdirSync(this.zDir, { recursive: true, mode: 0o700 });
    if (existsSync(file) || number <= this.highestNumber) throw new ZReportExists(`${report.label} already exists; a Z report is never made twice.`);
    await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
    this.highestNumber = number;
    this.summaries.push(summaryOf(report));
    if (this.open?.id === report.shiftId) await this.clearOpen();
  }

  private async clearOpen(): Promise<void> {
    await rm(this.openFile, { force: true });
    this.open = undefined;
  }

  private load(): void {
    if (existsSync(this.zDir)) {
      for (const name of readdirSync(this.zDir)) {
        const match = Z_FILE.exec(name);
        if (!match) continue;
        const number = Number(match[1]);
        this.highestNumber = Math.max(this.highestNumber, number);
        const report = this.tryRead(path.join(this.zDir, name), ShiftReport);
        if (report) this.summaries.push(summaryOf(report));
      }
    }
    const open = existsSync(this.openFile) ? this.tryRead(this.openFile, ShiftView) : undefined;
    // Closed but the open-shift file survived a crash: its Z exists, so it is closed.
    if (open && this.summaries.some((s) => s.shiftId === open.id)) {
      this.logger.warn('shift.closed_on_load', { shiftId: open.id });
      void rm(this.openFile, { force: true });
    } else this.open = open;
  }

  private tryRead<T>(file: string, schema: { parse(v: unknown): T }): T | undefined {
    try {
      return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      // Kept on disk for store IT; its number stays taken.
      this.logger.error('shift.file_unreadable', { file, message: String(err) });
      return undefined;
    }
  }

  private zFile(number: number): string {
    return path.join(this.zDir, `Z-${String(number).padStart(4, '0')}.json`);
  }
}

function summaryOf(r: ShiftReport): ZReportSummary & { shiftId: string } {
  return { number: r.number!, label: r.label, openedAt: r.openedAt, closedAt: r.closedAt ?? r.producedAt, shiftId: r.shiftId };
}
