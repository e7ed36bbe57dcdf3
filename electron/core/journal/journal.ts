import fs from 'node:fs';
import path from 'node:path';
import type { VoidAlert } from '../../../shared/ipc';
import type { Clock } from '../ports';
import type { PaymentRecord } from '../payments/types';

/**
 * The crash-safe journal (issue item 5): append-only JSON lines, one file per day, fsync per
 * record. Each `payment` record is the payment's full state after a change, so replay is "last
 * record per transactionId wins" and needs no reducer. A kill -9 can tear at most the line being
 * written; it is skipped and reported, and the next append starts on a fresh line.
 */
export type JournalRecord =
  | { v: 1; t: 'payment'; at: number; payment: PaymentRecord }
  | { v: 1; t: 'alert'; at: number; alert: VoidAlert };

export interface ReplayResult {
  payments: Map<string, PaymentRecord>;
  alerts: Map<string, VoidAlert>;
  records: number;
  files: string[];
  /** Lines that could not be parsed (a torn last line after a crash, or corruption). */
  badLines: { file: string; line: number; torn: boolean }[];
}

/** YYYY-MM-DD in the till's local time: a cashier's "today". */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class Journal {
  private fd: number | undefined;
  private fdDay = '';

  constructor(
    readonly dir: string,
    private readonly clock: Clock,
  ) {}

  fileFor(day: string): string {
    return path.join(this.dir, `${day}.jsonl`);
  }

  /** Writes and fsyncs one record. Throws if the disk refuses: the caller must not send then. */
  append(record: JournalRecord): void {
    const day = dayKey(this.clock.now());
    if (this.fd === undefined || day !== this.fdDay) this.openDay(day);
    const buf = Buffer.from(`${JSON.stringify(record)}\n`);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd!, buf, off);
    fs.fsyncSync(this.fd!);
  }

  close(): void {
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    this.fd = undefined;
  }

  private openDay(day: string): void {
    this.close();
    fs.mkdirSync(this.dir, { recursive: true });
    const file = this.fileFor(day);
    this.fd = fs.openSync(file, 'a+');
    this.fdDay = day;
    // A torn last line from a crash: start the next record on a line of its own.
    const size = fs.fstatSync(this.fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(this.fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) fs.writeSync(this.fd, '\n');
    }
  }

  listFiles(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
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
      result.records += readRecords(file, result.badLines, (rec) => {
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
      const value = JSON.parse(fs.readFileSync(this.markFile(), 'utf8')) as { day?: unknown };
      return typeof value.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.day) ? value.day : undefined;
    } catch {
      return undefined;
    }
  }

  private writeMark(day: string): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.markFile()}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ day }));
      fs.renameSync(tmp, this.markFile());
    } catch {
      // Without a mark the next start simply reads every file.
    }
  }

  /** The final state of every payment written on one day (history, CSV). */
  readDay(day: string): PaymentRecord[] {
    const file = this.fileFor(day);
    if (!fs.existsSync(file)) return [];
    const map = new Map<string, PaymentRecord>();
    void readRecords(file, [], (rec) => {
      if (rec.t === 'payment') map.set(rec.payment.transactionId, rec.payment);
    });
    return [...map.values()].sort((a, b) => a.createdAt - b.createdAt);
  }
}

/**
 * Reads one day file. Replay speed matters (100k records in well under a second): a payment is
 * written 3–4 times, and only its last record counts, so lines are first indexed by a key taken
 * from the text and only the last line per key is JSON-parsed. A line that does not look whole
 * (does not end in "}}") is always parsed, so torn or corrupt lines are still reported.
 */
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

function readRecords(file: string, bad: ReplayResult['badLines'], onRecord: (r: JournalRecord) => void): number {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  const last = new Map<string, number>();
  let count = 0;
  const parse = (i: number): void => {
    // Lines reached through the index were counted when indexed.
    let rec: unknown;
    try {
      rec = JSON.parse(lines[i]!);
    } catch {
      bad.push({ file, line: i + 1, torn: i === lines.length - 1 && !endsClean });
      return;
    }
    if (isRecord(rec)) {
      if (!indexed) count += 1;
      onRecord(rec);
    } else bad.push({ file, line: i + 1, torn: false });
  };
  let indexed = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '') continue;
    const key = line.endsWith('}}') ? keyOf(line) : undefined;
    if (key === undefined) {
      parse(i);
      continue;
    }
    count += 1;
    last.set(key, i);
  }
  indexed = true;
  for (const i of [...last.values()].sort((a, b) => a - b)) parse(i);
  return count;
}

const PAYMENT_KEY = /^\{"v":1,"t":"payment","at":\d+,"payment":\{"transactionId":"((?:[^"\\]|\\.)*)"/;
const ALERT_KEY = /^\{"v":1,"t":"alert","at":\d+,"alert":\{"id":"((?:[^"\\]|\\.)*)"/;

function keyOf(line: string): string | undefined {
  const p = PAYMENT_KEY.exec(line);
  if (p) return `p:${p[1]}`;
  const a = ALERT_KEY.exec(line);
  return a ? `a:${a[1]}` : undefined;
}

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.t === 'payment') return typeof (r.payment as PaymentRecord | undefined)?.transactionId === 'string';
  if (r.t === 'alert') return typeof (r.alert as VoidAlert | undefined)?.id === 'string';
  return false;
}
