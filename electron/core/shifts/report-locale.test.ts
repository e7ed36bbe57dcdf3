import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftReport } from '../../../shared/ipc/shifts';
import { paymentsToCsv } from '../history/csv';
import { translatorFor } from '../i18n/core-translator';
import type { Logger } from '../ports';
import { layoutDocument } from '../receipts/receipt-output';
import { textWidth } from '../receipts/text-width';
import { FakeClock } from '../testing/fake-clock';
import { paymentView } from '../testing/payment-view';
import { reportToCsv } from './report-csv';
import { reportDocument } from './report-document';
import { ShiftService } from './shift-service';
import { ShiftStore } from './shift-store';

/** Z/X reports and CSV headers in the till's language (issue 16); CSV values stay machine-readable. */

const silent: Logger = { info() {}, warn() {}, error() {} };
const OPEN = Date.UTC(2026, 0, 15, 9, 0, 0);
const z: ShiftReport = {
  kind: 'Z',
  number: 12,
  label: 'Z 0012',
  shiftId: 's1',
  till: 'R1',
  openedAt: OPEN,
  closedAt: OPEN + 8 * 3600_000,
  producedAt: OPEN + 8 * 3600_000,
  approved: [{ key: 'all', currency: 'JPY', count: 2, amountMinor: 2450 }],
  byMethod: [{ key: 'CARD', currency: 'JPY', count: 2, amountMinor: 2450 }],
  byTerminal: [],
  byCashier: [],
  notTaken: [],
  voids: [],
  handSettled: [],
  unresolved: [],
  cash: [{ currency: 'JPY', floatMinor: 10_000, cashTakenMinor: 0, expectedMinor: 10_000, countedMinor: 9_000, differenceMinor: -1_000 }],
  locale: 'ja-JP',
};

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('reports in the till language', () => {
  it('a Japanese Z report: Japanese headings, yen amounts in the locale format, lines within 58 mm by display width', () => {
    const lines = layoutDocument(reportDocument(z), 58).lines.map((l) => l.text);
    for (const l of lines) expect(textWidth(l), l).toBeLessThanOrEqual(32);
    const text = lines.join('\n');
    expect(text).toContain('Zレポート 0012');
    expect(text).toContain('支払方法別');
    expect(text).toMatch(/カード\s+2件 ￥2,450/);
    expect(text).toMatch(/過不足\s+-￥1,000/);
    expect(layoutDocument(reportDocument(z), 58).html).toContain('<html lang="ja-JP" dir="ltr">');
  });

  it('a Z report keeps the language it was made in: reprinted after a locale change it is byte for byte the same', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'checkstand-report-locale-'));
    const clock = new FakeClock();
    let locale = 'ja-JP';
    const payments = [paymentView({ transactionId: 'tx-1', currency: 'JPY', amountMinor: 2450, createdAt: clock.now() + 1 })];
    const deps = { store: new ShiftStore(dir, silent), clock, logger: silent, payments: () => payments, currency: () => 'JPY', till: () => 'R1' };
    const shifts = new ShiftService({ ...deps, locale: () => locale });
    await shifts.open({ floatMinor: 0 });
    clock.advance(60_000);
    const closed = await shifts.close({ countedCashMinor: 0 });
    if (!closed.ok || !closed.value.closed) throw new Error('close refused');
    const first = layoutDocument(reportDocument(closed.value.report), 80).html;
    expect(first).toContain('Zレポート');
    locale = 'de-DE';
    const stored = shifts.report({ number: closed.value.report.number! });
    if (!stored.ok) throw new Error('no stored Z');
    expect(layoutDocument(reportDocument(stored.value), 80).html).toBe(first);
  });

  it('CSV: German headers, the values unchanged (ISO times, decimal amounts, codes)', () => {
    const de = translatorFor('de-DE');
    const german = reportToCsv({ ...z, locale: 'de-DE' }).split('\r\n');
    const english = reportToCsv({ ...z, locale: 'en-US' }).split('\r\n');
    expect(german[0]).toBe('Abschnitt,Schlüssel,Währung,Anzahl,Betrag,Transaktions-ID,Details');
    expect(german.slice(1)).toEqual(english.slice(1));
    expect(german).toContain('cash,difference,JPY,,-1000,,');

    const payment = paymentView({ transactionId: 'tx-9', amountMinor: 2450, currency: 'EUR', createdAt: OPEN });
    const rows = paymentsToCsv([payment], de).split('\r\n');
    expect(rows[0]).toMatch(/^Transaktions-ID,Erstellt,Bestellung,Terminal,Betrag,Währung,Zahlart,Status,/);
    expect(rows[1]).toBe(paymentsToCsv([payment]).split('\r\n')[1]);
    expect(rows[1]).toContain(',2026-01-15T09:00:00.000Z,');
    expect(rows[1]).toContain(',24.50,EUR,');
  });
});
