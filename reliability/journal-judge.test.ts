import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../electron/core/journal/journal';
import { toPaymentView } from '../electron/core/payments/view';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { alertRecord, journalPayment, paymentRecord, removeJournalDirs, tempJournalDir } from '../electron/core/testing/journal-fixtures';
import type { SimTransaction } from '../simulator/api';
import { simTransaction } from './judge-fixtures';
import { judgeJournal } from './journal-judge';

afterEach(removeJournalDirs);

const transaction = (transactionId: string, status: SimTransaction['status']) =>
  simTransaction(transactionId, status, { terminalId: 'TERM-001', amount: '24.50', currency: 'EUR' });

describe('the crash judge reads what the cashier was shown from the journal (found by the test audit)', () => {
  it('a payment the lookup settled as approved after the till had said "declined" fails, though its final state agrees', () => {
    const dir = tempJournalDir();
    const journal = new Journal(dir, new FakeClock());
    // a: told "declined", then (after a kill and a restart with the secret) the lookup made it agree.
    // b: unknown after a kill, then settled by the lookup: never told anything wrong.
    for (const [id, state] of [
      ['a', 'sent'],
      ['a', 'declined'],
      ['b', 'sent'],
      ['b', 'unknown'],
      ['a', 'approved'],
      ['b', 'approved'],
    ] as const) {
      journal.append(paymentRecord(id, state, 1));
    }
    journal.close();
    const settled = (id: string) => toPaymentView({ ...journalPayment(id, 'approved', 1), resolution: { by: 'lookup', at: 2 } });
    const v = judgeJournal(dir, [settled('a'), settled('b')], [transaction('a', 'COMPLETED'), transaction('b', 'COMPLETED')]);
    expect(v.agreed).toBe(2);
    expect(v.settledByLookup).toBe(2);
    expect(v.shownWrong.map((f) => [f.transactionId, f.shown, f.gateway])).toEqual([['a', 'declined', 'COMPLETED']]);
  });

  it('one alert raised before a kill and again after the restart is two raises', () => {
    const dir = tempJournalDir();
    const journal = new Journal(dir, new FakeClock());
    journal.append(paymentRecord('v', 'voided', 1));
    journal.append(alertRecord('void-v', 'v', 1));
    journal.append(alertRecord('void-v', 'v', 2));
    journal.append(alertRecord('void-v', 'v', 3, 3)); // the acknowledgement is not a raise
    journal.close();
    const v = judgeJournal(dir, [toPaymentView(journalPayment('v', 'voided', 1))], [transaction('v', 'VOIDED')]);
    expect(v.alertErrors).toEqual([{ transactionId: 'v', gateway: 'VOIDED', alerts: 2 }]);
  });
});
