import fs from 'node:fs';
import path from 'node:path';

/**
 * Every void-alert raise written to a journal directory, per transactionId. It counts records,
 * not alert ids: the journal's own replay keeps one alert per id, so a core that raised one alert
 * twice (say, once before a kill and again after the restart) would look right through it. An
 * acknowledgement is not a raise. Lines that do not parse (a torn line after a kill) are skipped.
 */
export function countAlertRaises(journalDir: string): Map<string, number> {
  const raises = new Map<string, number>();
  if (!fs.existsSync(journalDir)) return raises;
  for (const name of fs
    .readdirSync(journalDir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of fs.readFileSync(path.join(journalDir, name), 'utf8').split('\n')) {
      if (!line.includes('"t":"alert"')) continue;
      let record: { t?: unknown; alert?: { transactionId?: unknown; acknowledgedAt?: unknown } };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        continue;
      }
      const id = record.alert?.transactionId;
      if (record.t !== 'alert' || typeof id !== 'string' || record.alert?.acknowledgedAt !== undefined) continue;
      raises.set(id, (raises.get(id) ?? 0) + 1);
    }
  }
  return raises;
}
