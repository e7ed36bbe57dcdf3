import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionLookupResponse } from '../../../shared/protocol';
import { HOUR, removeRecoveryDirs, recoveryTimings as timings, setupRecovery as setup } from '../testing/recovery-fixture';
import type { LookupResult } from './lookup-client';
import { CHECK_TERMINAL, eventFromLookup, Recovery } from './recovery';

/**
 * The recovery run's rules with a real ledger and journal and a FakeClock. The gateway's answer
 * is scripted per transaction (the signed HTTP lookup itself is tested with the simulator in
 * recovery.int.test.ts); what is under test is what recovery does with each answer.
 */
afterEach(removeRecoveryDirs);

describe('recovery with the API secret', () => {
  it("settles every unknown payment from the gateway's record, and audits each look-up", async () => {
    const t = setup();
    const [a, b, c, d] = [t.unknown(), t.unknown(), t.unknown(), t.unknown()];
    t.found(a, 'COMPLETED', { response: { authorizationCode: 'AUTH1' } });
    t.found(b, 'FAILED', { response: { errorCode: 'INSUFFICIENT_FUNDS' } });
    t.found(c, 'CANCELLED');
    await t.recovery.run('start');
    expect([t.state(a), t.state(b), t.state(c), t.state(d)]).toEqual(['approved', 'declined', 'cancelled', 'rejected']);
    expect(t.ledger.get(a)).toMatchObject({ authorizationCode: 'AUTH1', resolution: { by: 'lookup' } });
    expect(t.ledger.get(b)?.errorCode).toBe('INSUFFICIENT_FUNDS');
    expect(t.logger.lines.filter((l) => l.event === 'audit.lookup').map((l) => [l.transactionId, l.result, l.status])).toEqual([
      [a, 'found', 'COMPLETED'],
      [b, 'found', 'FAILED'],
      [c, 'found', 'CANCELLED'],
      [d, 'notFound', undefined],
    ]);
  });

  it('a payment the gateway still runs goes back to waiting; one it cannot answer asks the cashier, with the reason', async () => {
    const t = setup();
    const [pending, awaiting, broken] = [t.unknown(), t.unknown(), t.unknown()];
    t.found(pending, 'PENDING');
    t.found(awaiting, 'AWAITING_RECONNECT');
    t.answers.set(broken, { kind: 'error', message: 'The gateway answered HTTP 503.' });
    await t.recovery.run('start');
    expect(t.state(pending)).toBe('awaiting_result');
    expect(t.state(awaiting)).toBe('awaiting_result');
    expect(t.ledger.get(broken)).toMatchObject({ state: 'unknown', detail: `The gateway answered HTTP 503. ${CHECK_TERMINAL}` });
    expect(t.logger.lines.find((l) => l.event === 'audit.lookup' && l.transactionId === broken)).toMatchObject({
      result: 'error',
      message: 'The gateway answered HTTP 503.',
    });
  });

  it('finds a void lost with the link: abandoned payments of the last 24 h are looked up at start', async () => {
    const t = setup();
    const lost = t.abandoned();
    const old = t.abandoned();
    t.found(lost, 'VOIDED', { voidReason: 'Terminal came back after the grace period' });
    t.found(old, 'VOIDED');
    // `old` was given up more than a day ago: not asked again.
    t.clock.advance(HOUR);
    const fresh = t.abandoned();
    t.found(fresh, 'VOIDED');
    t.clock.advance(23 * HOUR);
    await t.recovery.run('start');
    expect(t.asked).toEqual([fresh]);
    expect(t.ledger.get(fresh)).toMatchObject({ state: 'voided', voidReason: 'Voided by the gateway' });
    expect(t.ledger.alerts().map((a) => a.transactionId)).toEqual([fresh]);
    expect([t.state(lost), t.state(old)]).toEqual(['abandoned', 'abandoned']);
  });

  it('after a reconnect an abandoned payment is looked up again only on a doubling interval (30 s, 60 s, …), at start always', async () => {
    const t = setup({ recheckMs: 30_000 });
    const id = t.abandoned();
    const times = async (trigger: 'start' | 'reconnect') => {
      const before = t.asked.length;
      await t.recovery.run(trigger);
      return t.asked.length - before;
    };
    expect(await times('reconnect')).toBe(1);
    t.clock.advance(29_999);
    expect(await times('reconnect')).toBe(0);
    t.clock.advance(1);
    expect(await times('reconnect')).toBe(1);
    t.clock.advance(59_999);
    expect(await times('reconnect')).toBe(0);
    t.clock.advance(1);
    expect(await times('reconnect')).toBe(1);
    expect(await times('start')).toBe(1);
    // Once the gateway's answer settles it (voided), it is never asked about again.
    t.found(id, 'VOIDED');
    t.clock.advance(10 * HOUR);
    expect(await times('reconnect')).toBe(1);
    expect(t.state(id)).toBe('voided');
    t.clock.advance(10 * HOUR);
    expect(await times('reconnect')).toBe(0);
    expect(await times('start')).toBe(0);
  });

  it('the interval stops doubling at one hour, and starts again if the clock is set far back', async () => {
    const t = setup({ recheckMs: 20 * 60_000 });
    t.abandoned();
    await t.recovery.run('reconnect'); // next in 20 min
    t.clock.advance(20 * 60_000);
    await t.recovery.run('reconnect'); // next in 40 min
    t.clock.advance(40 * 60_000);
    await t.recovery.run('reconnect'); // next in 60 min (cap), not 80
    const before = t.asked.length;
    t.clock.advance(HOUR);
    await t.recovery.run('reconnect');
    expect(t.asked.length - before).toBe(1);
    // The wall clock goes back two hours: the stored "due" time is beyond the cap, so it is dropped.
    t.clock.jump(-2 * HOUR);
    await t.recovery.run('reconnect');
    await t.recovery.run('reconnect');
    expect(t.asked.length - before).toBe(2);
  });

  it('an ambiguous error frame checks the unknown payments only, never the abandoned ones', async () => {
    const t = setup();
    const u = t.unknown();
    t.abandoned();
    await t.recovery.run('ambiguous');
    expect(t.asked).toEqual([u]);
  });

  it('runs coalesce: triggers during a run become one more run, "start" winning over the others', async () => {
    const t = setup({ recheckMs: HOUR });
    const a = t.abandoned();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new Recovery(
      t.ledger,
      t.clock,
      t.logger,
      () => async (id) => {
        t.asked.push(id);
        await gate;
        return { kind: 'notFound' };
      },
      timings(HOUR),
    );
    const first = slow.run('reconnect');
    const second = slow.run('ambiguous');
    const third = slow.run('start');
    const fourth = slow.run('reconnect');
    release();
    await Promise.all([first, second, third, fourth]);
    // The first run asked about `a`; of the three triggers only one more run happened, a 'start'
    // (which asks about every abandoned payment, due or not).
    expect(t.asked).toEqual([a, a]);
  });
});

describe('recovery without the API secret', () => {
  it('gives replayed pushes a short window, then asks the cashier to check the terminal', async () => {
    const t = setup({ secret: false });
    const u = t.unknown();
    const settled = t.unknown();
    t.abandoned();
    await t.recovery.run('reconnect');
    expect(t.logger.lines.find((l) => l.event === 'audit.recovery_wait')).toMatchObject({ trigger: 'reconnect', count: 2, windowMs: 300 });
    t.ledger.apply(settled, { type: 'result', via: 'push', response: { transactionId: settled, status: 'SUCCESS' } });
    t.clock.advance(299);
    expect(t.ledger.get(u)?.detail).not.toBe(CHECK_TERMINAL);
    t.clock.advance(1);
    expect(t.ledger.get(u)).toMatchObject({ state: 'unknown', detail: CHECK_TERMINAL });
    expect(t.state(settled)).toBe('approved');
    expect(t.asked).toEqual([]);
  });

  it('with nothing unknown there is nothing to wait for; checkOne says why the gateway cannot be asked', async () => {
    const t = setup({ secret: false });
    await t.recovery.run('start');
    expect(t.logger.lines.find((l) => l.event === 'audit.recovery_wait')).toBeUndefined();
    expect(t.clock.pending()).toEqual([]);
    const u = t.unknown();
    expect(await t.recovery.checkOne(u)).toEqual({ checked: false, message: `No API secret is configured, so the gateway cannot be asked. ${CHECK_TERMINAL}` });
    expect(t.ledger.get(u)?.detail).toBe(CHECK_TERMINAL);
  });

  it('dispose() stops the pending hand-over to the cashier', async () => {
    const t = setup({ secret: false });
    const u = t.unknown();
    await t.recovery.run('start');
    t.recovery.dispose();
    t.clock.advance(HOUR);
    expect(t.ledger.get(u)?.detail).not.toBe(CHECK_TERMINAL);
  });
});

describe('checkOne and the lookup answers', () => {
  it('checkOne with the secret reports whether the gateway could be asked', async () => {
    const t = setup();
    const u = t.unknown();
    t.found(u, 'COMPLETED');
    expect(await t.recovery.checkOne(u)).toEqual({ checked: true });
    const v = t.unknown();
    t.answers.set(v, { kind: 'error', message: 'timed out' });
    expect(await t.recovery.checkOne(v)).toEqual({ checked: false, message: 'timed out' });
  });

  it('maps every gateway status to the ledger event it means', () => {
    const body = (status: TransactionLookupResponse['status'], extra: Partial<TransactionLookupResponse> = {}): LookupResult => ({
      kind: 'found',
      body: { transactionId: 't', status, ...extra },
    });
    expect(eventFromLookup({ kind: 'notFound' })).toEqual({ type: 'notFound' });
    expect(eventFromLookup({ kind: 'error', message: 'x' })).toBeUndefined();
    expect(eventFromLookup(body('COMPLETED', { response: { authorizationCode: 'A' } }))).toEqual({
      type: 'result',
      via: 'lookup',
      response: { authorizationCode: 'A', transactionId: 't', status: 'SUCCESS' },
    });
    expect(eventFromLookup(body('FAILED'))).toEqual({ type: 'result', via: 'lookup', response: { transactionId: 't', status: 'FAILED' } });
    expect(eventFromLookup(body('CANCELLED'))).toEqual({ type: 'result', via: 'lookup', response: { transactionId: 't', status: 'CANCELLED' } });
    expect(eventFromLookup(body('VOIDED', { voidReason: 'late' }))).toEqual({ type: 'voided', via: 'lookup', reason: 'late' });
    expect(eventFromLookup(body('VOIDED'))).toEqual({ type: 'voided', via: 'lookup', reason: 'Voided by the gateway' });
    expect(eventFromLookup(body('PENDING'))).toEqual({ type: 'stillRunning', status: 'PENDING' });
    expect(eventFromLookup(body('AWAITING_RECONNECT'))).toEqual({ type: 'stillRunning', status: 'AWAITING_RECONNECT' });
  });
});
