import type { VoidAlert } from '../../../shared/ipc';
import type { PaymentRecord } from '../payments/types';
import type { JournalFs } from './journal-fs';
import { journalRecordProblem } from './journal-schema';

export type JournalRecord = { v: 1; t: 'payment'; at: number; payment: PaymentRecord } | { v: 1; t: 'alert'; at: number; alert: VoidAlert };

/** A line that was skipped: torn by a crash, not JSON, or JSON that is not a valid record. */
export interface BadLine {
  file: string;
  line: number;
  torn: boolean;
  /** Set when the line is JSON but fails the journal's schema (what is wrong with it). */
  reason?: string;
}

/**
 * Reads one day file. Replay speed matters (100k records in well under a second): a payment is
 * written 3–4 times, and only its last valid record counts, so lines are first indexed by a key
 * taken from the text and then, per key, parsed and validated from the newest line back until
 * one is valid: a malformed newest line is reported and the good record before it stands
 * (money-truth rule 8). A line that does not look whole (does not end in "}}") or has no key is
 * always parsed and validated, so torn or corrupt lines are still reported. Lines older than
 * the newest valid one of their key are not parsed: they can no longer change the state.
 */
export function readRecords(fs: JournalFs, file: string, bad: BadLine[], onRecord: (r: JournalRecord) => void): number {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  /** The record on line i, or undefined after reporting why it is bad. */
  const read = (i: number): JournalRecord | undefined => {
    let rec: unknown;
    try {
      rec = JSON.parse(lines[i]!);
    } catch {
      bad.push({ file, line: i + 1, torn: i === lines.length - 1 && !endsClean });
      return undefined;
    }
    const problem = journalRecordProblem(rec);
    if (problem === undefined) return rec as JournalRecord;
    bad.push({ file, line: i + 1, torn: false, reason: problem });
    return undefined;
  };
  const byKey = new Map<string, number[]>();
  const chosen: { line: number; rec: JournalRecord }[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line === '') continue;
    const key = line.endsWith('}}') ? keyOf(line) : undefined;
    if (key === undefined) {
      const rec = read(i);
      if (rec) chosen.push({ line: i, rec });
      continue;
    }
    const seen = byKey.get(key);
    if (seen) seen.push(i);
    else byKey.set(key, [i]);
  }
  for (const candidates of byKey.values()) {
    for (let k = candidates.length - 1; k >= 0; k -= 1) {
      const rec = read(candidates[k]!);
      if (rec) {
        chosen.push({ line: candidates[k]!, rec });
        break;
      }
    }
  }
  // In file order, as written: the alert of a payment comes after the payment.
  chosen.sort((a, b) => a.line - b.line);
  for (const c of chosen) onRecord(c.rec);
  // Every line that holds a record counts, superseded or not; bad ones do not.
  let lineCount = 0;
  for (const line of lines) if (line !== '') lineCount += 1;
  return lineCount - bad.filter((b) => b.file === file).length;
}

const PAYMENT_KEY = /^\{"v":1,"t":"payment","at":\d+,"payment":\{"transactionId":"((?:[^"\\]|\\.)*)"/;
const ALERT_KEY = /^\{"v":1,"t":"alert","at":\d+,"alert":\{"id":"((?:[^"\\]|\\.)*)"/;

function keyOf(line: string): string | undefined {
  const p = PAYMENT_KEY.exec(line);
  if (p) return `p:${p[1]}`;
  const a = ALERT_KEY.exec(line);
  return a ? `a:${a[1]}` : undefined;
}
