import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { alertRecord, paymentRecord, removeJournalDirs, tempJournalDir } from '../testing/journal-fixtures';
import { dayKey, Journal } from './journal';

/**
 * What replay keeps and what it reports (money-truth rule 8): a bad line is reported with its file
 * and line and never replaces a good record; the last valid record of a payment wins, by its place
 * in the file. Lines are written by hand here, the way a crash, a disk or an older version leaves them.
 */
afterEach(removeJournalDirs);

const DAY = 24 * 3600_000;
const line = (r: unknown) => `${JSON.stringify(r)}\n`;

/** A journal folder holding one day file with exactly this text. */
function dayFile(text: string, clock = new FakeClock()): { journal: Journal; file: string } {
  const journal = new Journal(tempJournalDir(), clock);
  const file = journal.fileFor(dayKey(clock.now()));
  fs.mkdirSync(journal.dir, { recursive: true });
  fs.writeFileSync(file, text);
  return { journal, file };
}

describe('torn and corrupt lines', () => {
  it('a corrupt line in the middle is reported as corrupt and the torn last line as torn', () => {
    const at = new FakeClock().now();
    const { journal, file } = dayFile(`${line(paymentRecord('a', 'sent', at))}%%%garbage%%%\n${line(paymentRecord('b', 'sent', at))}{"v":1,"t":"pay`);
    const r = journal.replay();
    expect(r.badLines).toEqual([
      { file, line: 2, torn: false },
      { file, line: 4, torn: true },
    ]);
    expect([...r.payments.keys()]).toEqual(['a', 'b']);
    expect(r.records).toBe(2);
  });

  it('a line torn after its transactionId is reported even though a later record of that payment is good', () => {
    const at = new FakeClock().now();
    const torn = line(paymentRecord('a', 'awaiting_result', at)).slice(0, 90);
    expect(torn).toContain('"transactionId":"a"');
    const { journal, file } = dayFile(`${line(paymentRecord('a', 'sent', at))}${torn}\n${line(paymentRecord('a', 'approved', at))}`);
    const r = journal.replay();
    expect(r.payments.get('a')?.state).toBe('approved');
    expect(r.badLines).toEqual([{ file, line: 2, torn: false }]);
    expect(r.records).toBe(2);
  });

  it('a good record glued after junk on one line is reported, not taken', () => {
    const at = new FakeClock().now();
    const glued = `xx${line(paymentRecord('a', 'approved', at))}`;
    const gluedAlert = `xx${line(alertRecord('void-a', 'a', at))}`;
    const { journal, file } = dayFile(`${line(paymentRecord('a', 'sent', at))}${glued}${line(alertRecord('void-a', 'a', at, at + 1))}${gluedAlert}`);
    const r = journal.replay();
    expect(r.payments.get('a')?.state).toBe('sent');
    expect(r.alerts.get('void-a')?.acknowledgedAt).toBe(at + 1);
    expect(r.badLines).toEqual([
      { file, line: 2, torn: false },
      { file, line: 4, torn: false },
    ]);
  });

  it('a bad line in one day file does not lower the count of another', () => {
    const clock = new FakeClock();
    const { journal } = dayFile(`${line(paymentRecord('a', 'sent', clock.now()))}garbage\n`, clock);
    clock.advance(DAY);
    fs.writeFileSync(journal.fileFor(dayKey(clock.now())), line(paymentRecord('a', 'approved', clock.now())));
    const r = journal.replay();
    expect(r.records).toBe(2);
    expect(r.badLines).toHaveLength(1);
  });
});

describe('the last valid record wins, by its place in the file', () => {
  it('a superseded record is not read again: an invalid older line of a payment is neither reported nor taken', () => {
    const at = new FakeClock().now();
    const invalid = line(paymentRecord('ab', 'sent', at)).replace('"state":"sent"', '"state":"paid"');
    const invalidAlert = line(alertRecord('void-ab', 'ab', at)).replace('"amountMinor":2450', '"amountMinor":-1');
    const { journal } = dayFile(`${invalid}${invalidAlert}${line(paymentRecord('ab', 'approved', at))}${line(alertRecord('void-ab', 'ab', at))}`);
    const r = journal.replay();
    expect(r.payments.get('ab')?.state).toBe('approved');
    expect(r.alerts.has('void-ab')).toBe(true);
    expect(r.badLines).toEqual([]);
    expect(r.records).toBe(4);
  });

  it('a record written with its fields in another order (an older version) still counts by its place in the file', () => {
    const at = new FakeClock().now();
    const rec = paymentRecord('a', 'approved', at);
    const reordered = `${JSON.stringify({ t: rec.t, v: rec.v, at: rec.at, payment: rec.t === 'payment' ? rec.payment : undefined })}\n`;
    const { journal } = dayFile(`${line(paymentRecord('a', 'sent', at))}${reordered}`);
    expect(journal.replay().payments.get('a')?.state).toBe('approved');
    const { journal: j2 } = dayFile(`${reordered}${line(paymentRecord('a', 'sent', at))}`);
    expect(j2.replay().payments.get('a')?.state).toBe('sent');
  });
});

describe("the journal's own schema", () => {
  it('refuses a record whose saved gateway answer is malformed, and keeps the one before', () => {
    const at = new FakeClock().now();
    const rec = paymentRecord('a', 'approved', at);
    const withAnswer = (status: string) =>
      line({ ...rec, payment: { ...(rec.t === 'payment' ? rec.payment : {}), response: { transactionId: 'a', status, authorizationCode: 'A1' } } });
    const { journal, file } = dayFile(`${withAnswer('SUCCESS')}${withAnswer('PAID')}`);
    const r = journal.replay();
    expect(r.payments.get('a')?.response).toEqual({ transactionId: 'a', status: 'SUCCESS', authorizationCode: 'A1' });
    expect(r.badLines).toEqual([{ file, line: 2, torn: false, reason: expect.stringContaining('payment.response.status') }]);
  });

  it('a record of an unknown kind is refused', () => {
    const at = new FakeClock().now();
    const { journal, file } = dayFile(`${line({ v: 1, t: 'refund', at, refund: {} })}`);
    expect(journal.replay().badLines).toEqual([{ file, line: 1, torn: false, reason: expect.stringContaining('t:') }]);
  });

  it('says at most 300 characters about what is wrong', () => {
    const at = new FakeClock().now();
    const rec = paymentRecord('a', 'approved', at);
    const bad = {
      ...rec,
      payment: { ...(rec.t === 'payment' ? rec.payment : {}), paymentMethod: 'CHEQUE', state: 'paid', response: { transactionId: 'a', status: 'PAID' } },
    };
    const { journal } = dayFile(line(bad));
    const reason = journal.replay().badLines[0]?.reason ?? '';
    expect(reason).toContain('payment.paymentMethod');
    expect(reason).toHaveLength(300);
  });
});
