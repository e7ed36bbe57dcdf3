import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../journal/journal';
import { createMemoryLogger } from '../log/logger';
import { FakeClock } from '../testing/fake-clock';
import { PaymentLedger } from './ledger';

/**
 * Bad input from the PC's own clock (found by the test audit): the wall clock jumps forward or back while a
 * payment is open (NTP fixing a drifted till, someone setting the time). Timers are monotonic
 * (FakeClock.jump moves now() only, as the OS does for Node's timers), so what must hold is that
 * the deadline still means "this long after Pay", and that nothing is lost across midnight.
 */
const DEADLINE_MS = 105_000;
const HOUR = 3_600_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(start?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-clock-'));
  dirs.push(dir);
  const clock = new FakeClock(start);
  const journal = new Journal(dir, clock);
  const ledger = new PaymentLedger(journal, clock, createMemoryLogger(), DEADLINE_MS);
  const begin = (transactionId: string, orderRef = `O-${transactionId}`) =>
    ledger.begin({ transactionId, orderRef, terminalId: 'T1', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD' });
  /** A restart: a new ledger from what is on disk. */
  const reopen = () => {
    journal.close();
    const again = new PaymentLedger(new Journal(dir, clock), clock, createMemoryLogger(), DEADLINE_MS);
    again.restore(new Journal(dir, clock).replay());
    return again;
  };
  return { clock, ledger, begin, reopen, dir };
}

const localMidnight = (y: number, m: number, d: number) => new Date(y, m, d, 0, 0, 0, 0).getTime();

describe('wall-clock jumps during a payment', () => {
  for (const [name, jump] of [
    ['forward 3 h', 3 * HOUR],
    ['back 3 h', -3 * HOUR],
    ['forward a day', 24 * HOUR],
  ] as const) {
    it(`the payment deadline still fires ${DEADLINE_MS / 1000} s after Pay when the clock jumps ${name}`, () => {
      const { clock, ledger, begin } = setup();
      begin('tx-1');
      ledger.apply('tx-1', { type: 'delivered' });
      clock.advance(10_000);
      clock.jump(jump);
      // A frame after the jump must not be judged against the wall clock either.
      ledger.apply('tx-1', { type: 'result', via: 'push', response: { transactionId: 'tx-1', status: 'PENDING' } });
      expect(ledger.get('tx-1')?.state).toBe('awaiting_result');
      clock.advance(DEADLINE_MS - 10_000 - 1);
      expect(ledger.get('tx-1')?.state).toBe('awaiting_result');
      clock.advance(1);
      expect(ledger.get('tx-1')?.state).toBe('unknown');
    });
  }

  it('a result that arrives after the clock jumped is taken, and the terminal is free again', () => {
    const { clock, ledger, begin } = setup();
    begin('tx-1');
    clock.jump(-2 * HOUR);
    ledger.apply('tx-1', { type: 'result', via: 'push', response: { transactionId: 'tx-1', status: 'SUCCESS', authorizationCode: 'A1' } });
    expect(ledger.get('tx-1')).toMatchObject({ state: 'approved', authorizationCode: 'A1' });
    expect(ledger.refusal({ terminalId: 'T1', orderRef: 'O-next' })).toBeUndefined();
  });

  it('a payment started before midnight and approved after it stays approved after a restart, never reopened', () => {
    const { clock, ledger, begin, reopen, dir } = setup(localMidnight(2026, 0, 15) - 2_000);
    begin('tx-1');
    clock.advance(4_000); // now 00:00:02 on the next day
    ledger.apply('tx-1', { type: 'result', via: 'push', response: { transactionId: 'tx-1', status: 'SUCCESS' } });
    const again = reopen();
    // Yesterday's settled payments are not held in memory after a restart (history reads them
    // from the journal), but it must be there as approved and must not come back as open.
    expect(new Journal(dir, clock).replay().payments.get('tx-1')?.state).toBe('approved');
    expect(again.open()).toEqual([]);
    expect(again.refusal({ terminalId: 'T1', orderRef: 'O-tx-1' })).toBeUndefined();
  });

  it('a payment left open at midnight is still open (then unknown) after a restart the next day', () => {
    const { clock, begin, reopen } = setup(localMidnight(2026, 0, 15) - 2_000);
    begin('tx-1');
    clock.advance(4_000);
    const again = reopen();
    expect(again.get('tx-1')?.state).toBe('unknown');
    expect(again.refusal({ terminalId: 'T1', orderRef: 'O-tx-1' })?.code).toBe('terminal_busy');
  });

  // Found by the test audit: the journal used to write the newer record into the OLDER day file,
  // and replay (oldest file first, last record wins) took the stale "sent". It now never appends
  // to a day file older than the newest one it has (journal.ts dayToWrite).
  it("the clock set back across midnight: the later record (written into yesterday's file) still wins on replay", () => {
    const { clock, ledger, begin, reopen, dir } = setup(localMidnight(2026, 0, 16) + 10_000);
    begin('tx-1'); // 00:00:10, today's file
    clock.jump(-20_000); // 23:59:50 the day before
    ledger.apply('tx-1', { type: 'result', via: 'push', response: { transactionId: 'tx-1', status: 'FAILED', errorCode: 'INSUFFICIENT_FUNDS' } });
    // Replay takes the later record (the ledger then keeps it as a settled payment of another day).
    expect(new Journal(dir, clock).replay().payments.get('tx-1')?.state).toBe('declined');
    const again = reopen();
    expect(again.open()).toEqual([]);
    expect(again.refusal({ terminalId: 'T1', orderRef: 'O-tx-1' })).toBeUndefined();
  });
});
