import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftReport } from '../../../shared/ipc/shifts';
import { Journal } from '../journal/journal';
import type { PaymentRecord } from '../payments/types';
import { FakeClock } from '../testing/fake-clock';
import { paymentView } from '../testing/payment-view';
import { reportToCsv } from './report-csv';
import { reportLines } from './report-document';
import { shiftPayments } from './shift-wiring';

const OPEN = Date.UTC(2026, 0, 15, 9, 0, 0);

const z: ShiftReport = {
  kind: 'Z',
  number: 12,
  label: 'Z 0012',
  store: { name: 'Corner Shop', address: ['1 Main St'] },
  shiftId: 's1',
  till: 'R1',
  openedAt: OPEN,
  openedBy: 'Ana',
  closedAt: OPEN + 8 * 3600_000,
  producedAt: OPEN + 8 * 3600_000,
  approved: [{ key: 'all', currency: 'EUR', count: 2, amountMinor: 1800 }],
  byMethod: [
    { key: 'CARD', currency: 'EUR', count: 1, amountMinor: 1250 },
    { key: 'CASH', currency: 'EUR', count: 1, amountMinor: 550 },
  ],
  byTerminal: [{ key: '=HYPERLINK("x")', currency: 'EUR', count: 2, amountMinor: 1800 }],
  byCashier: [{ key: 'No cashier', currency: 'EUR', count: 2, amountMinor: 1800 }],
  notTaken: [{ key: 'declined', currency: 'EUR', count: 1, amountMinor: 2000 }],
  voids: [],
  handSettled: [],
  unresolved: [
    { transactionId: 'u1', orderRef: 'UNK-1', terminal: 'Lane 3', amountMinor: 4200, currency: 'EUR', method: 'CARD', state: 'unknown', at: OPEN + 60_000 },
  ],
  cash: [{ currency: 'EUR', floatMinor: 10_000, cashTakenMinor: 550, expectedMinor: 10_550, countedMinor: 10_500, differenceMinor: -50 }],
  unresolvedApproval: { by: 'manager', approver: 'Mia' },
};

describe('report outputs', () => {
  it('paper: every section, the unresolved list under its Z heading, the shortfall signed, lines within the paper', () => {
    for (const columns of [32, 48]) {
      const text = reportLines(z, columns).map((l) => l.text);
      expect(text.every((l) => l.length <= columns)).toBe(true);
      expect(text.map((l) => l.trim())).toContain('Z REPORT 0012');
      for (const heading of ['TAKEN (approved)', 'BY METHOD', 'BY TERMINAL', 'BY CASHIER', 'NOT TAKEN', 'UNRESOLVED AT CLOSE', 'CASH EUR'])
        expect(text).toContain(heading);
      expect(text.join('\n')).toMatch(/Difference\s+-€0\.50/);
      expect(text.join(' ')).toContain('Closed with these open, allowed by manager Mia.');
    }
  });

  it('CSV: one row per figure, amounts as decimals, a shortfall as a plain negative number, text cells guarded against formulas', () => {
    const rows = reportToCsv(z).trim().split('\r\n');
    expect(rows[0]).toBe('section,key,currency,count,amount,transactionId,detail');
    expect(rows).toContain('method,CARD,EUR,1,12.50,,');
    expect(rows).toContain('cash,difference,EUR,,-0.50,,');
    expect(rows).toContain(`terminal,"'=HYPERLINK(""x"")",EUR,2,18.00,,`);
    expect(rows).toContain('unresolved,UNK-1,EUR,1,42.00,u1,unknown; CARD; Lane 3');
    expect(rows).toContain('unresolved_allowed,manager,,,,,Mia');
  });
});

describe('payments of a shift across journal days', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const record = (id: string, state: PaymentRecord['state'], createdAt: number): PaymentRecord => paymentView({ transactionId: id, state, createdAt });

  it("a night shift: yesterday's payments, a void written after midnight wins, payments before the open are left out", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-shift-journal-'));
    const clock = new FakeClock(OPEN);
    const journal = new Journal(dir, clock);
    journal.append({ v: 1, t: 'payment', at: OPEN - 1, payment: record('before', 'approved', OPEN - 1) });
    journal.append({ v: 1, t: 'payment', at: OPEN + 1, payment: record('a', 'approved', OPEN + 1) });
    clock.advance(24 * 3600_000);
    journal.append({ v: 1, t: 'payment', at: clock.now(), payment: { ...record('a', 'voided', OPEN + 1), voidReason: 'late' } });
    journal.close();
    const live = record('b', 'awaiting_result', clock.now());
    const got = shiftPayments(new Journal(dir, clock), { list: () => [live] }, OPEN);
    expect(got.map((p) => [p.transactionId, p.state]).sort()).toEqual([
      ['a', 'voided'],
      ['b', 'awaiting_result'],
    ]);
  });
});
