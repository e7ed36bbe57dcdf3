import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, removeRecoveryDirs, recoveryTimings, setupRecovery } from '../testing/recovery-fixture';
import type { LookupFn } from './lookup-client';
import { CHECK_TERMINAL, Recovery } from './recovery';

/**
 * More of recovery's rules (recovery.test.ts has the first ones): which payments a run may ask
 * the gateway about, how runs started during a run are merged, and how a lookup that got no real
 * answer is retried.
 */
afterEach(removeRecoveryDirs);

/** A Recovery over the same ledger whose lookups wait for `release()`, so triggers can arrive mid-run. */
function heldRecovery(t: ReturnType<typeof setupRecovery>) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const held: LookupFn = async (id) => {
    t.asked.push(id);
    await gate;
    return t.answers.get(id) ?? { kind: 'notFound' };
  };
  return { recovery: new Recovery(t.ledger, t.clock, t.logger, () => held, recoveryTimings(HOUR)), release: () => release() };
}

describe('which payments a run asks about', () => {
  it('a payment still on its way (sent, waiting for the terminal) is never looked up, so "not found" cannot reject it', async () => {
    const t = setupRecovery();
    const inFlight = t.begin();
    const u = t.unknown();
    await t.recovery.run('start');
    expect(t.asked).toEqual([u]);
    expect(t.state(inFlight)).toBe('sent');
  });

  it('without the secret, a payment on its way is not handed to the cashier, and alone it starts no wait', async () => {
    const t = setupRecovery({ secret: false });
    const inFlight = t.begin();
    await t.recovery.run('reconnect');
    expect(t.logger.lines.find((l) => l.event === 'audit.recovery_wait')).toBeUndefined();
    const u = t.unknown();
    await t.recovery.run('reconnect');
    expect(t.logger.lines.find((l) => l.event === 'audit.recovery_wait')).toMatchObject({ count: 1 });
    t.clock.advance(300);
    expect(t.ledger.get(u)?.detail).toBe(CHECK_TERMINAL);
    expect(t.ledger.get(inFlight)).toMatchObject({ state: 'sent' });
  });

  it('a reconnect right after another does not ask again, even when the first pause is already the longest', async () => {
    const t = setupRecovery({ recheckMs: HOUR, timings: { abandonedRecheckCapMs: HOUR } });
    t.abandoned();
    await t.recovery.run('reconnect');
    await t.recovery.run('reconnect');
    await t.recovery.run('reconnect');
    expect(t.asked).toHaveLength(1);
  });
});

describe('runs started during a run', () => {
  it('an ambiguous error frame during a run makes one more run over the unknown payments', async () => {
    const t = setupRecovery();
    const u = t.unknown();
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    const { recovery, release } = heldRecovery(t);
    const first = recovery.run('start');
    const second = recovery.run('ambiguous');
    release();
    await Promise.all([first, second]);
    expect(t.asked).toEqual([u, u]);
    recovery.dispose();
  });

  it('a reconnect is not downgraded by a later ambiguous frame: the extra run still checks abandoned payments', async () => {
    const t = setupRecovery();
    const a = t.abandoned();
    const { recovery, release } = heldRecovery(t);
    const u = t.unknown();
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    const first = recovery.run('ambiguous'); // asks about u only
    const second = recovery.run('reconnect');
    const third = recovery.run('ambiguous');
    release();
    await Promise.all([first, second, third]);
    expect(t.asked).toEqual([u, u, a]);
    recovery.dispose();
  });
  it('a start during a run after a reconnect wins: the extra run asks about every abandoned payment, due or not', async () => {
    const t = setupRecovery();
    const a = t.abandoned();
    const { recovery, release } = heldRecovery(t);
    const first = recovery.run('reconnect'); // asks about a; next due in an hour
    const second = recovery.run('reconnect');
    const third = recovery.run('start');
    release();
    await Promise.all([first, second, third]);
    expect(t.asked).toEqual([a, a]);
  });
});

describe('a lookup that got no real answer', () => {
  it('is asked again after 30 s, 60 s, 120 s … at most every 5 minutes, and no more once settled', async () => {
    const t = setupRecovery({ timings: { unknownRecheckCapMs: 5 * 60_000 } });
    const u = t.unknown();
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    await t.recovery.run('start');
    const askedAfter = async (ms: number) => {
      const before = t.asked.length;
      t.clock.advance(ms);
      await Promise.resolve();
      return t.asked.length - before;
    };
    expect(await askedAfter(29_999)).toBe(0);
    expect(await askedAfter(1)).toBe(1);
    expect(await askedAfter(59_999)).toBe(0);
    expect(await askedAfter(1)).toBe(1);
    expect(await askedAfter(120_000)).toBe(1);
    expect(await askedAfter(240_000)).toBe(1);
    expect(await askedAfter(299_999)).toBe(0); // capped at 5 min, not 8
    expect(await askedAfter(1)).toBe(1);
    t.found(u, 'COMPLETED');
    expect(await askedAfter(300_000)).toBe(1);
    expect(t.state(u)).toBe('approved');
    expect(await askedAfter(HOUR)).toBe(0);
  });

  it('a payment settled meanwhile by a push is not looked up when its retry comes', async () => {
    const t = setupRecovery();
    const u = t.unknown();
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    await t.recovery.run('start');
    t.ledger.apply(u, { type: 'result', via: 'push', response: { transactionId: u, status: 'SUCCESS' } });
    t.clock.advance(HOUR);
    expect(t.asked).toEqual([u]);
  });

  it('starts again from 30 s when the payment goes unknown a second time', async () => {
    const t = setupRecovery();
    const u = t.unknown();
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    await t.recovery.run('start');
    t.found(u, 'PENDING');
    await t.recovery.checkOne(u); // the gateway still runs it: waiting again
    expect(t.state(u)).toBe('awaiting_result');
    t.ledger.apply(u, { type: 'linkLost' });
    t.answers.set(u, { kind: 'error', message: 'HTTP 503' });
    await t.recovery.run('reconnect');
    const before = t.asked.length;
    t.clock.advance(30_000);
    await Promise.resolve();
    expect(t.asked.length - before).toBe(1);
  });

  it('a retry whose lookup throws is logged, not lost in an unhandled rejection', async () => {
    const t = setupRecovery();
    const u = t.unknown();
    let calls = 0;
    const flaky: LookupFn = async () => {
      calls += 1;
      if (calls > 1) throw new Error('lookup exploded');
      return { kind: 'error', message: 'HTTP 503' };
    };
    const recovery = new Recovery(t.ledger, t.clock, t.logger, () => flaky, recoveryTimings(30_000));
    await recovery.run('start');
    t.clock.advance(30_000);
    await new Promise((r) => setImmediate(r));
    expect(t.logger.lines).toContainEqual({ level: 'error', event: 'recovery.failed', message: 'Error: lookup exploded' });
    expect(t.state(u)).toBe('unknown');
  });
});
