import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/ipc';
import type { ShiftReport } from '../../../shared/ipc/shifts';
import type { Logger } from '../ports';
import { encodeEscPos } from '../receipts/escpos';
import { layoutDocument } from '../receipts/receipt-output';
import { FakeClock } from '../testing/fake-clock';
import { paymentView } from '../testing/payment-view';
import { reportDocument } from './report-document';
import { ShiftService, type ManagerApproval } from './shift-service';
import { ShiftStore, ZReportExists } from './shift-store';

const silent: Logger = { info() {}, warn() {}, error() {} };

let dir: string;
let clock: FakeClock;
let payments: PaymentView[];
let currency: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checkstand-shifts-'));
  clock = new FakeClock();
  payments = [];
  currency = 'EUR';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deps() {
  return {
    store: new ShiftStore(dir, silent),
    clock,
    logger: silent,
    payments: () => payments,
    currency: () => currency,
    till: () => 'R1',
    storeHeader: () => ({ name: 'Corner Shop', address: ['1 Main St'] }),
  };
}

function service(extra: { managerApproval?: ManagerApproval } = {}): ShiftService {
  return new ShiftService({ ...deps(), ...extra });
}

function take(over: Partial<PaymentView>): void {
  clock.advance(60_000);
  const n = payments.length + 1;
  payments.push(paymentView({ transactionId: `tx-${n}`, orderRef: `O-${n}`, createdAt: clock.now(), ...over }));
}

async function closeOk(s: ShiftService, countedCashMinor: number, more: object = {}): Promise<ShiftReport> {
  const result = await s.close({ countedCashMinor, ...more });
  if (!result.ok || !result.value.closed) throw new Error(`close refused: ${JSON.stringify(result)}`);
  return result.value.report;
}

const escpos = (r: ShiftReport) => Buffer.from(encodeEscPos(layoutDocument(reportDocument(r), 80).lines, { columns: 48 })).toString('hex');

describe('shifts', () => {
  it('one open shift per till, and a restart keeps it (float and all)', async () => {
    const s = service();
    const opened = await s.open({ floatMinor: 5000 });
    expect(opened.ok).toBe(true);
    expect(await s.open({})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const fresh = new ShiftService({ ...deps(), store: new ShiftStore(mkdtempSync(path.join(tmpdir(), 'checkstand-shifts-')), silent) });
    const both = await Promise.all([fresh.open({}), fresh.open({})]);
    expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
    const restarted = service();
    expect(restarted.status().open).toEqual(opened.ok && opened.value);
    expect(restarted.status().open).toMatchObject({ floatMinor: 5000, currency: 'EUR', till: 'R1' });
  });

  it('an X report changes nothing: the shift stays open, no Z is written, numbering does not move', async () => {
    const s = service();
    await s.open({ floatMinor: 1000 });
    take({ paymentMethod: 'CASH', amountMinor: 250 });
    const x = s.report({ countedCashMinor: 1200 });
    expect(x.ok && x.value).toMatchObject({ kind: 'X', label: 'X report', cash: [{ expectedMinor: 1250, differenceMinor: -50 }] });
    expect(s.status().open).toBeDefined();
    expect(existsSync(path.join(dir, 'z'))).toBe(false);
    expect((await closeOk(s, 1250)).label).toBe('Z 0001');
  });

  it('Z reports are numbered per till, Z 0001 then Z 0002, and carry on after a restart', async () => {
    let s = service();
    await s.open({});
    expect((await closeOk(s, 0)).label).toBe('Z 0001');
    await s.open({});
    expect((await closeOk(s, 0)).label).toBe('Z 0002');
    s = service();
    await s.open({});
    expect((await closeOk(s, 0)).label).toBe('Z 0003');
    expect(s.status().zReports.map((z) => z.label)).toEqual(['Z 0003', 'Z 0002', 'Z 0001']);
    expect(readdirSync(path.join(dir, 'z')).sort()).toEqual(['Z-0001.json', 'Z-0002.json', 'Z-0003.json']);
  });

  it('a Z is stored whole: after a restart, new payments and new settings it reprints byte-identical', async () => {
    const s = service();
    await s.open({ floatMinor: 2000 });
    take({ amountMinor: 1250 });
    take({ paymentMethod: 'CASH', amountMinor: 500 });
    take({ state: 'voided', amountMinor: 700, voidReason: 'Terminal disconnect timeout' });
    const z = await closeOk(s, 2400);
    const firstPrint = escpos(z);

    // Afterwards: a payment backdated into the old shift, another currency, a restart.
    payments.push({ ...payments[0]!, transactionId: 'late', amountMinor: 99_999 });
    currency = 'USD';
    const again = service().report({ number: 1 });
    expect(again.ok && again.value).toEqual(z);
    expect(again.ok && escpos(again.value)).toBe(firstPrint);
  });

  it('a Z is never reissued: the store refuses to write a number that exists, and the file is untouched', async () => {
    const s = service();
    await s.open({});
    const z = await closeOk(s, 0);
    const file = path.join(dir, 'z', 'Z-0001.json');
    const before = readFileSync(file, 'utf8');
    const store = new ShiftStore(dir, silent);
    await expect(store.saveZ({ ...z, approved: [{ key: 'all', currency: 'EUR', count: 9, amountMinor: 9 }] })).rejects.toBeInstanceOf(ZReportExists);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await s.close({ countedCashMinor: 0 })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('an unreadable Z file keeps its number taken', async () => {
    const s = service();
    await s.open({});
    await closeOk(s, 0);
    writeFileSync(path.join(dir, 'z', 'Z-0002.json'), '{ torn');
    const next = service();
    await next.open({});
    expect((await closeOk(next, 0)).label).toBe('Z 0003');
  });

  it('a crash after the Z was written but before the open shift was cleared: the shift is closed on restart', async () => {
    const s = service();
    await s.open({});
    const openFile = readFileSync(path.join(dir, 'open-shift.json'), 'utf8');
    await closeOk(s, 0);
    writeFileSync(path.join(dir, 'open-shift.json'), openFile);
    expect(service().status().open).toBeUndefined();
  });
});

describe('unresolved payments block a Z', () => {
  it('roles off: refused in the core with the list until the cashier confirms; then the Z lists them', async () => {
    const s = service();
    await s.open({});
    take({ state: 'approved', amountMinor: 1000 });
    take({ state: 'unknown', amountMinor: 4200, orderRef: 'OPEN-1' });
    const refused = await s.close({ countedCashMinor: 0 });
    expect(refused.ok && refused.value).toMatchObject({
      closed: false,
      needs: 'confirmation',
      unresolved: [{ orderRef: 'OPEN-1', amountMinor: 4200, state: 'unknown' }],
      messageMsg: { key: 'services.shifts.unresolved_confirm', values: { count: 1 } },
      message: '1 payment of this shift is not settled. Settle them first, or confirm to close the shift with them listed on the Z report.',
    });
    expect(s.status().open).toBeDefined();
    expect(existsSync(path.join(dir, 'z'))).toBe(false);

    const z = await closeOk(s, 0, { confirmUnresolved: true });
    expect(z.unresolved).toEqual([expect.objectContaining({ orderRef: 'OPEN-1', state: 'unknown' })]);
    expect(z.unresolvedApproval).toEqual({ by: 'confirmation' });
    expect(layoutDocument(reportDocument(z), 80).lines.map((l) => l.text)).toContain('UNRESOLVED AT CLOSE');
  });

  it('roles on: the confirmation alone is not enough; a wrong PIN is refused; a manager PIN allows it and is named', async () => {
    const managerApproval: ManagerApproval = async (pin) =>
      pin === '4321'
        ? { ok: true, approver: { id: 'm1', name: 'Mia' } }
        : { ok: false, reason: "That is not a manager's PIN.", reasonMsg: { key: 'services.people.not_manager_pin' } };
    const s = service({ managerApproval });
    await s.open({});
    take({ state: 'awaiting_result' });
    const noPin = await s.close({ countedCashMinor: 0, confirmUnresolved: true });
    expect(noPin.ok && noPin.value).toMatchObject({
      closed: false,
      needs: 'manager_pin',
      messageMsg: { key: 'services.shifts.unresolved_manager', values: { count: 1 } },
    });
    const wrong = await s.close({ countedCashMinor: 0, managerPin: '1111' });
    expect(wrong.ok && wrong.value).toMatchObject({
      closed: false,
      needs: 'manager_pin',
      message: "That is not a manager's PIN.",
      messageMsg: { key: 'services.people.not_manager_pin' },
    });

    const z = await closeOk(s, 0, { managerPin: '4321' });
    expect(z.unresolvedApproval).toEqual({ by: 'manager', approver: 'Mia' });
    expect(s.report({})).toMatchObject({
      ok: false,
      error: { msg: { key: 'services.shifts.no_shift' }, message: 'No shift is open on this till. Open a shift first.' },
    });
  });

  it('a payment settled before the close does not block it', async () => {
    const s = service();
    await s.open({});
    take({ state: 'unknown' });
    payments[0] = { ...payments[0]!, state: 'abandoned', resolution: { by: 'cashier', reason: 'Customer left', at: clock.now() } };
    const z = await closeOk(s, 0);
    expect(z.unresolved).toEqual([]);
    expect(z.handSettled).toEqual([expect.objectContaining({ state: 'abandoned', reason: 'Customer left' })]);
  });
});
