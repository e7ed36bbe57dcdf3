import fs from 'node:fs';
import path from 'node:path';
import { journalRecordProblem } from '../electron/core/journal/journal-schema';
import type { JournalRecord } from '../electron/core/journal/journal';
import { toPaymentView } from '../electron/core/payments/view';
import type { PaymentView } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';
import { CoreObserver } from './core-observer';
import { judge, type Verdict } from './ground-truth';

/**
 * What the crash run's judge reads from the journal its killed cores wrote, record by record in
 * the order they were written, through the same CoreObserver the chaos run watches its core with.
 *
 * Every void-alert RAISE counts, not alert ids: the journal's own replay keeps one alert per id,
 * so a core that raised one alert twice (say, once before a kill and again after the restart)
 * would look right through it. An acknowledgement is not a raise.
 *
 * The first final state each payment reached is what the till told the cashier (a record is on
 * disk before the screen hears of it; a core killed in between shows it after the restart). The
 * crash run settles with the API secret, so its lookups read the very records the judge reads:
 * a payment settled by the lookup agrees by construction, and only what the cashier was first
 * shown can fail it. Lines that do not parse or validate (a torn line after a kill) are skipped.
 */
export function observeJournal(journalDir: string): CoreObserver {
  const observer = new CoreObserver(() => 0);
  if (!fs.existsSync(journalDir)) return observer;
  let seq = 0;
  for (const name of fs
    .readdirSync(journalDir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of fs.readFileSync(path.join(journalDir, name), 'utf8').split('\n')) {
      const record = parseRecord(line);
      if (!record) continue;
      seq += 1;
      if (record.t === 'alert') observer.listener({ type: 'alert', seq, alert: record.alert });
      else observer.listener({ type: 'payment', seq, payment: toPaymentView(record.payment) });
    }
  }
  return observer;
}

/** Void-alert raises per transactionId, every raise record counted. */
export function countAlertRaises(journalDir: string): Map<string, number> {
  return observeJournal(journalDir).alertsRaised;
}

/** The crash run's verdict: the settled payments against the gateway, with every raise and first answer the journal holds. */
export function judgeJournal(journalDir: string, payments: readonly PaymentView[], transactions: readonly SimTransaction[]): Verdict {
  const seen = observeJournal(journalDir);
  return judge({ payments, transactions, alertsRaised: seen.alertsRaised, firstShown: seen.firstFinal });
}

function parseRecord(line: string): JournalRecord | undefined {
  if (line === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return journalRecordProblem(value) === undefined ? (value as JournalRecord) : undefined;
}
