import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VoidAlert } from '../../../shared/ipc';
import type { JournalRecord } from '../journal/journal';
import type { PaymentRecord } from '../payments/types';

/** What the journal's unit tests share: a journal folder in the OS temp dir and records to write. */

const made: string[] = [];

/** A fresh journal folder path (not created yet) under os.tmpdir(); removed by `removeJournalDirs`. */
export function tempJournalDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-journal-unit-'));
  made.push(d);
  return path.join(d, 'journal');
}

export function removeJournalDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** A payment as the journal stores it (€24.50 by card on TERM-001). */
export function journalPayment(id: string, state: PaymentRecord['state'], at: number): PaymentRecord {
  return {
    transactionId: id,
    orderRef: `O-${id}`,
    terminalId: 'TERM-001',
    amountMinor: 2450,
    currency: 'EUR',
    paymentMethod: 'CARD',
    state,
    createdAt: at,
    updatedAt: at,
    pendingSeen: false,
    hasReceipt: false,
  };
}

export function paymentRecord(id: string, state: PaymentRecord['state'], at: number): JournalRecord {
  return { v: 1, t: 'payment', at, payment: journalPayment(id, state, at) };
}

export function alertRecord(id: string, transactionId: string, at: number, acknowledgedAt?: number): JournalRecord {
  const alert: VoidAlert = {
    id,
    transactionId,
    terminalId: 'TERM-001',
    orderRef: `O-${transactionId}`,
    amountMinor: 2450,
    currency: 'EUR',
    reason: 'voided at the gateway',
    at,
    ...(acknowledgedAt === undefined ? {} : { acknowledgedAt }),
  };
  return { v: 1, t: 'alert', at, alert };
}

/** The payment states written in a day file, line by line (blank lines left out). */
export function statesInFile(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const r = JSON.parse(l) as { payment?: { transactionId: string; state: string } };
      return r.payment ? `${r.payment.transactionId}:${r.payment.state}` : 'alert';
    });
}
