import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult, PeopleView } from '../../../shared/ipc';
import type { CoreHarness } from '../testing/harness';
import { pay, startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Who is at the till, through the core's commands against the real simulator: nobody pays before
 * signing in, every attempt names its cashier, and the manager's PIN is checked in the core (the
 * command carries an approval token; without it the core refuses, whatever the screen did).
 */
const STAFF = {
  people: [
    { name: 'Maria Manager', role: 'manager', pin: '2468' },
    { name: 'Carl Cashier', role: 'cashier', pin: '1357' },
  ],
};
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function staffed(extra: { tuning?: { paymentDeadlineMs: number } } = {}): Promise<CoreHarness> {
  fx = await startFixture({ deps: { people: STAFF }, ...extra });
  return fx.h;
}

async function people(h: CoreHarness): Promise<PeopleView> {
  const snap = await h.core.invoke('getSnapshot', {});
  if (!snap.ok || !snap.value.people) throw new Error('no people in the snapshot');
  return snap.value.people;
}

async function signIn(h: CoreHarness, name: string, pin: string): Promise<void> {
  const person = (await people(h)).people.find((p) => p.name === name)!;
  unwrap(await h.core.invoke('signIn', { personId: person.id, pin }));
}

async function approval(h: CoreHarness, action: 'settings' | 'resolvePayment' | 'repeatPayment', subject?: string): Promise<string> {
  return unwrap(await h.core.invoke('approveManager', { pin: '2468', action, ...(subject ? { subject } : {}) })).token;
}

function unwrap<T>(r: CommandResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('who is at the till (core)', () => {
  it('refuses a payment before anyone signs in; after sign-in the attempt names its cashier, in the journal too', async () => {
    const h = await staffed();
    expect((await people(h)).session).toBeNull();
    expect(await pay(h, 'TERM-001', 'P-1')).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/sign in/i) } });
    await signIn(h, 'Carl Cashier', '1357');
    fx!.sim.control.script('TERM-001', { outcome: 'SUCCESS' });
    const started = unwrap(await pay(h, 'TERM-001', 'P-1'));
    const approved = await h.waitFor((s) => s.payments.find((p) => p.transactionId === started.transactionId && p.state === 'approved'));
    expect(approved.cashier).toEqual({ id: expect.any(String), name: 'Carl Cashier' });
    const history = unwrap(await h.core.invoke('exportCsv', {}));
    expect(history.csv).toContain('Carl Cashier');
    expect(h.logger.lines.find((l) => l.event === 'audit.payment_started')).toMatchObject({ cashier: 'Carl Cashier' });
  });

  it("settling an unknown payment by hand needs a manager's approval for that payment, recorded on it", async () => {
    const h = await staffed({ tuning: { paymentDeadlineMs: 400 } });
    await signIn(h, 'Carl Cashier', '1357');
    fx!.sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    const { transactionId } = unwrap(await pay(h, 'TERM-001', 'P-2'));
    await h.waitFor((s) => s.payments.find((p) => p.transactionId === transactionId && p.state === 'unknown'));
    const settle = { transactionId, outcome: 'approved' as const, reason: 'Terminal shows approved' };
    expect(await h.core.invoke('resolvePayment', settle)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/manager/) },
    });
    expect(await h.core.invoke('approveManager', { pin: '1357', action: 'resolvePayment', subject: transactionId })).toMatchObject({ ok: false });
    const other = await approval(h, 'resolvePayment', 'some-other-payment');
    expect(await h.core.invoke('resolvePayment', { ...settle, approval: other })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const settled = unwrap(await h.core.invoke('resolvePayment', { ...settle, approval: await approval(h, 'resolvePayment', transactionId) }));
    expect(settled.resolution).toMatchObject({ by: 'cashier', cashier: { name: 'Carl Cashier' }, approvedBy: { name: 'Maria Manager' } });
    expect(h.logger.lines.filter((l) => l.event === 'audit.manager_approval').at(-1)).toMatchObject({ askedBy: 'Carl Cashier', approvedBy: 'Maria Manager' });
    expect(JSON.stringify(h.logger.lines)).not.toMatch(/2468|1357/);
  });

  it('taking another payment for a paid order needs the manager; so does saving settings', async () => {
    const h = await staffed();
    await signIn(h, 'Carl Cashier', '1357');
    fx!.sim.control.script('TERM-001', { outcome: 'SUCCESS', sticky: true });
    const first = unwrap(await pay(h, 'TERM-001', 'P-3'));
    await h.waitFor((s) => s.payments.find((p) => p.transactionId === first.transactionId && p.state === 'approved'));
    const again = { terminalId: 'TERM-001', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD' as const, orderRef: 'P-3', repeatPaymentConfirmed: true };
    expect(await h.core.invoke('startPayment', again)).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/manager/) } });
    expect(unwrap(await h.core.invoke('startPayment', { ...again, approval: await approval(h, 'repeatPayment', 'P-3') })).orderRef).toBe('P-3');

    const form = { ...h.settings.view(), apiKey: undefined, apiSecret: undefined, storeName: 'Renamed by a cashier' };
    const { lockedFields: _locked, ...input } = form;
    expect(await h.core.invoke('saveSettings', input)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('the idle lock waits while a payment is in progress; a manager signed in needs no extra PIN', async () => {
    const h = await staffed();
    await signIn(h, 'Maria Manager', '2468');
    fx!.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    unwrap(await pay(h, 'TERM-001', 'P-4'));
    expect(await h.core.invoke('signOut', { idle: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/payment is in progress/) } });
    expect((await people(h)).session).toMatchObject({ name: 'Maria Manager' });
    expect(await h.core.invoke('signOut', {})).toMatchObject({ ok: true, value: { session: null } });
  });
});
