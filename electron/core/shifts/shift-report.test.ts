import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../shared/ipc';
import type { ShiftView } from '../../../shared/ipc/shifts';
import { paymentView } from '../testing/payment-view';
import { buildShiftReport, NO_CASHIER, NO_TERMINAL } from './shift-report';

const OPEN = Date.UTC(2026, 11, 1, 8, 0, 0);
const shift: ShiftView = { id: 'shift-1', till: 'R1', openedAt: OPEN, floatMinor: 10_000, currency: 'EUR', openedBy: { id: 'c1', name: 'Ana' } };

let n = 0;
function payment(over: Partial<PaymentView> & Record<string, unknown>): PaymentView {
  n += 1;
  return paymentView({ transactionId: `tx-${n}`, orderRef: `O-${n}`, createdAt: OPEN + n * 60_000, ...over });
}

const at = (minutes: number) => OPEN + minutes * 60_000;

describe('shift report figures', () => {
  it('totals approved payments by method, terminal and cashier; declined and cancelled counted apart', () => {
    const payments = [
      payment({ amountMinor: 1250, cashier: { id: 'c1', name: 'Ana' } }),
      payment({ amountMinor: 550, paymentMethod: 'CASH', terminalId: 'TERM-002', cashier: { id: 'c2', name: 'Ben' } }),
      payment({ amountMinor: 2000, terminalId: 'TERM-002' }),
      payment({ amountMinor: 999, state: 'declined', cashier: { id: 'c1', name: 'Ana' } }),
      payment({ amountMinor: 300, state: 'cancelled' }),
      payment({ amountMinor: 400, state: 'declined' }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'X', now: at(60), terminalLabel: (id) => ({ 'TERM-001': 'Lane 1' })[id] });
    expect(r.approved).toEqual([{ key: 'all', currency: 'EUR', count: 3, amountMinor: 3800 }]);
    expect(r.byMethod).toEqual([
      { key: 'CARD', currency: 'EUR', count: 2, amountMinor: 3250 },
      { key: 'CASH', currency: 'EUR', count: 1, amountMinor: 550 },
    ]);
    expect(r.byTerminal).toEqual([
      { key: 'Lane 1', currency: 'EUR', count: 1, amountMinor: 1250 },
      { key: 'TERM-002', currency: 'EUR', count: 2, amountMinor: 2550 },
    ]);
    expect(r.byCashier).toEqual([
      { key: 'Ana', currency: 'EUR', count: 1, amountMinor: 1250 },
      { key: 'Ben', currency: 'EUR', count: 1, amountMinor: 550 },
      { key: NO_CASHIER, currency: 'EUR', count: 1, amountMinor: 2000 },
    ]);
    expect(r.notTaken).toEqual([
      { key: 'cancelled', currency: 'EUR', count: 1, amountMinor: 300 },
      { key: 'declined', currency: 'EUR', count: 2, amountMinor: 1399 },
    ]);
    expect(r).toMatchObject({ kind: 'X', label: 'X report', openedBy: 'Ana', producedAt: at(60) });
    expect(r.closedAt).toBeUndefined();
  });

  it('expected cash is the float plus approved CASH only; counted minus expected is the difference', () => {
    const payments = [
      payment({ amountMinor: 550, paymentMethod: 'CASH' }),
      payment({ amountMinor: 700, paymentMethod: 'CASH', state: 'declined' }),
      payment({ amountMinor: 800, paymentMethod: 'CASH', state: 'voided' }),
      payment({ amountMinor: 5000 }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'Z', number: 3, now: at(90), countedCashMinor: 10_500, closedBy: 'Ben' });
    expect(r.cash).toEqual([{ currency: 'EUR', floatMinor: 10_000, cashTakenMinor: 550, expectedMinor: 10_550, countedMinor: 10_500, differenceMinor: -50 }]);
    expect(r).toMatchObject({ kind: 'Z', number: 3, label: 'Z 0003', closedAt: at(90), closedBy: 'Ben' });
  });

  it('mixed currencies stay separate everywhere, cash included (the count applies to the shift currency)', () => {
    const payments = [
      payment({ amountMinor: 1000, currency: 'EUR' }),
      payment({ amountMinor: 500, currency: 'JPY' }),
      payment({ amountMinor: 200, currency: 'USD', paymentMethod: 'CASH' }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'X', now: at(30), countedCashMinor: 10_000 });
    expect(r.approved).toEqual([
      { key: 'all', currency: 'EUR', count: 1, amountMinor: 1000 },
      { key: 'all', currency: 'JPY', count: 1, amountMinor: 500 },
      { key: 'all', currency: 'USD', count: 1, amountMinor: 200 },
    ]);
    expect(r.cash).toEqual([
      { currency: 'EUR', floatMinor: 10_000, cashTakenMinor: 0, expectedMinor: 10_000, countedMinor: 10_000, differenceMinor: 0 },
      { currency: 'USD', floatMinor: 0, cashTakenMinor: 200, expectedMinor: 200 },
    ]);
  });

  it('only payments started inside the shift count (createdAt between open and the report)', () => {
    const payments = [
      payment({ amountMinor: 111, createdAt: OPEN - 1 }),
      payment({ amountMinor: 222, createdAt: OPEN }),
      payment({ amountMinor: 333, createdAt: at(30) }),
      payment({ amountMinor: 444, createdAt: at(30) + 1 }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'X', now: at(30) });
    expect(r.approved).toEqual([{ key: 'all', currency: 'EUR', count: 2, amountMinor: 555 }]);
  });

  it('vendor-shaped: no terminal name, an unknown outcome, a void after approval', () => {
    const payments = [
      payment({ terminalId: '', amountMinor: 1500 }),
      payment({ state: 'unknown', amountMinor: 2500, terminalId: 'TERM-003' }),
      payment({ state: 'needs_review', amountMinor: 2600 }),
      payment({ state: 'voided', amountMinor: 3500, authorizationCode: 'A1B2C3', voidReason: 'Terminal disconnect timeout' }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'X', now: at(30) });
    expect(r.byTerminal).toEqual([{ key: NO_TERMINAL, currency: 'EUR', count: 1, amountMinor: 1500 }]);
    expect(r.approved).toEqual([{ key: 'all', currency: 'EUR', count: 1, amountMinor: 1500 }]);
    expect(r.voids).toEqual([expect.objectContaining({ amountMinor: 3500, state: 'voided', reason: 'Terminal disconnect timeout' })]);
    expect(r.unresolved.map((u) => [u.state, u.amountMinor])).toEqual([
      ['unknown', 2500],
      ['needs_review', 2600],
    ]);
  });

  it('payments settled by hand are listed with their reason and the approver when the journal has one', () => {
    const payments = [
      payment({
        state: 'approved',
        resolution: { by: 'cashier', reason: 'Terminal showed APPROVED', at: at(5), approvedBy: { id: 'm1', name: 'Mia' } } as PaymentView['resolution'],
      }),
      payment({ state: 'abandoned', resolution: { by: 'cashier', reason: 'Customer left', at: at(6) } }),
      payment({ state: 'approved', resolution: { by: 'lookup', at: at(7) } }),
    ];
    const r = buildShiftReport(shift, payments, { kind: 'X', now: at(30) });
    expect(r.handSettled.map((h) => [h.state, h.reason, h.approvedBy])).toEqual([
      ['approved', 'Terminal showed APPROVED', 'Mia'],
      ['abandoned', 'Customer left', undefined],
    ]);
  });
});
