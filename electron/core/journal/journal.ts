import path from 'node:path';
import { localDayKey, type VoidAlert } from '../../../shared/ipc';
import type { Clock } from '../ports';
import type { PaymentRecord } from '../payments/types';
import { JOURNAL_DIR_MODE, JOURNAL_FILE_MODE, nodeJournalFs, type JournalFs } from './journal-fs';
import { readRecords, type BadLine, type JournalRecord } from './journal-read';

/**
 * The crash-safe journal (nothing acknowledged is lost across a kill -9): append-only JSON lines, one file per day, fsync per
 * record. Each `payment` record is the payment's full state after a change, so replay is "last
 * valid record per transactionId wins" and needs no reducer. A kill -9 can tear at most the line
 * being written; it is skipped and reported, and the next append starts on a fresh line. Every
 * record read back is validated with the journal's own schema (journal-schema.ts).
 */
export type { BadLine, JournalRecord };

export interface ReplayResult {
  payments: Map<string, PaymentRecord>;
  alerts: Map<string, VoidAlert>;
  records: number;
  files: string[];
  /** Lines that were skipped (a torn last line after a crash, corruption, an invalid record). */
  badLines: BadLine[];
}

/** YYYY-MM-DD in the till's local time: a cashier's "today". */
/** The journal's day (one file per local day): shared/ipc's localDayKey, the renderer's "today" too. */
export const dayKey = localDayKey;

export class Journal {
  private fd: number | undefined;
  private fdDay = '';

  constructor(
    readonly dir: string,
    private readonly clock: Clock,
    private readonly fs: JournalFs = nodeJournalFs,
  ) {}

  fileFor(day: string): string {
    return path.join(this.dir, `${day}.jsonl`);
  }

  /** Writes and fsyncs one record. Throws if the disk refuses: the caller must not send then. */
  append(record: JournalRecord): void {
    const day = this.dayToWrite();
    if (this.fd === undefined || day !== this.fdDay) this.openDay(day);
    const buf = Buffer.from(`${JSON.stringify(record)}\n`);
    let off = 0;
    while (off < buf.length) off += this.fs.writeSync(this.fd!, buf, off);
    this.fs.fsyncSync(this.fd!);
  }

  /** Throws unless a small file can be written and fsynced in the journal folder (the disk is back). */
  probe(): void {
    this.ensureDir();
    const file = path.join(this.dir, '.write-probe');
    const fd = this.fs.openSync(file, 'w', JOURNAL_FILE_MODE);
    try {
      this.fs.writeSync(fd, Buffer.from(`${this.clock.now()}\n`));
      this.fs.fsyncSync(fd);
    } finally {
      this.fs.closeSync(fd);
      this.fs.unlinkSync(file);
    }
  }

  /**
   * Today's file, but never one older than the newest written: replay reads the files oldest
   * first and the last record wins, so a clock set back across midnight must not put a newer
   * record into an older file (a declined payment came back "unknown" after a restart).
   */
  private dayToWrite(): string {
    const today = dayKey(this.clock.now());
    const newest = this.fdDay || path.basename(this.listFiles().at(-1) ?? '', '.jsonl');
    return newest > today ? newest : today;
  }

  close(): void {
    if (this.fd !== undefined) {
      try {
        this.fs.closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    this.fd = undefined;
  }

  private openDay(day: string): void {
    this.close();
    this.ensureDir();
    const file = this.fileFor(day);
    const isNew = !this.fs.existsSync(file);
    this.fd = this.fs.openSync(file, 'a+', JOURNAL_FILE_MODE);
    this.fdDay = day;
    // A file from an older version (or copied in) may be world-readable: it holds every sale.
    if ((this.fs.fstatSync(this.fd).mode & 0o777) !== JOURNAL_FILE_MODE) this.fs.chmodSync(file, JOURNAL_FILE_MODE);
    if (isNew) this.syncDir();
    // A torn last line from a crash: start the next record on a line of its own.
    const size = this.fs.fstatSync(this.fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      this.fs.readSync(this.fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) this.fs.writeSync(this.fd, '\n');
    }
  }

  private ensureDir(): void {
    this.fs.mkdirSync(this.dir, { recursive: true, mode: JOURNAL_DIR_MODE });
    this.fs.chmodSync(this.dir, JOURNAL_DIR_MODE);
  }

  /** A new day file's name must survive a power cut too: fsync the folder (POSIX; Windows cannot open one). */
  private syncDir(): void {
    let dirFd: number | undefined;
    try {
      dirFd = this.fs.openSync(this.dir, 'r');
      this.fs.fsyncSync(dirFd);
    } catch {
      // Not supported here; the file's own fsync still holds its data.
    } finally {
      if (dirFd !== undefined) this.fs.closeSync(dirFd);
    }
  }

  listFiles(): string[] {
    if (!this.fs.existsSync(this.dir)) return [];
    return this.fs
      .readdirSync(this.dir)
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(f))
      .sort()
      .map((f) => path.join(this.dir, f));
  }

  /**
   * Rebuilds every payment and alert, oldest file first. Files before the "settled" mark (days
   * whose payments were all final and alerts acknowledged at the last replay) are skipped, so
   * start-up does not grow with months of history; the mark is ignored if the clock went back.
   */
  replay(): ReplayResult {
    const result: ReplayResult = { payments: new Map(), alerts: new Map(), records: 0, files: [], badLines: [] };
    const today = dayKey(this.clock.now());
    const mark = this.readMark();
    const skipBefore = mark !== undefined && mark <= today ? mark : undefined;
    for (const file of this.listFiles()) {
      if (skipBefore !== undefined && path.basename(file, '.jsonl') < skipBefore) continue;
      result.files.push(file);
      result.records += readRecords(this.fs, file, result.badLines, (rec) => {
        if (rec.t === 'payment') result.payments.set(rec.payment.transactionId, rec.payment);
        else result.alerts.set(rec.alert.id, rec.alert);
      });
    }
    this.writeMark(settledBefore(result, today));
    return result;
  }

  private markFile(): string {
    return path.join(this.dir, 'settled-before.json');
  }

  private readMark(): string | undefined {
    try {
      const value = JSON.parse(this.fs.readFileSync(this.markFile(), 'utf8')) as { day?: unknown };
      return typeof value.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.day) ? value.day : undefined;
    } catch {
      return undefined;
    }
  }

  private writeMark(day: string): void {
    try {
      this.ensureDir();
      const tmp = `${this.markFile()}.tmp`;
      this.fs.writeFileSync(tmp, JSON.stringify({ day }), { mode: JOURNAL_FILE_MODE });
      this.fs.renameSync(tmp, this.markFile());
    } catch {
      // Without a mark the next start simply reads every file.
    }
  }

  /** The final state of every payment written on one day (history, CSV). */
  readDay(day: string): PaymentRecord[] {
    const file = this.fileFor(day);
    if (!this.fs.existsSync(file)) return [];
    const map = new Map<string, PaymentRecord>();
    void readRecords(this.fs, file, [], (rec) => {
      if (rec.t === 'payment') map.set(rec.payment.transactionId, rec.payment);
    });
    return [...map.values()].sort((a, b) => a.createdAt - b.createdAt);
  }
}

/** The earliest day that still holds something unresolved (or today): files before it are settled. */
function settledBefore(result: ReplayResult, today: string): string {
  let day = today;
  const open = new Set(['sent', 'awaiting_result', 'terminal_reconnecting', 'unknown', 'needs_review']);
  for (const p of result.payments.values()) {
    if (open.has(p.state)) day = minDay(day, dayKey(p.createdAt));
  }
  for (const a of result.alerts.values()) {
    if (a.acknowledgedAt) continue;
    day = minDay(day, dayKey(a.at));
    const p = result.payments.get(a.transactionId);
    if (p) day = minDay(day, dayKey(p.createdAt));
  }
  return day;
}

const minDay = (a: string, b: string) => (b < a ? b : a);
