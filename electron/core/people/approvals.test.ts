import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { Approvals } from './approvals';

/** A manager's approval as a token: what it covers, for how long, how often (approvals.ts). */
const TTL = { settings: 5 * 60_000, other: 60_000 };
const maria = { id: 'm1', name: 'Maria Manager' };
const HOUR = 3_600_000;

function setup() {
  const clock = new FakeClock();
  return { clock, approvals: new Approvals(clock, TTL) };
}
const expired = { ok: false, msg: { key: 'services.people.approval_expired' } };
const needsPin = { ok: false, msg: { key: 'services.people.needs_manager_pin' } };

describe("a manager's approval", () => {
  it('a payment approval is spent once, on its own payment only', () => {
    const { approvals } = setup();
    const token = approvals.grant('resolvePayment', maria, 'tx-1');
    expect(approvals.use(token, 'resolvePayment', 'tx-2')).toMatchObject(needsPin);
    expect(approvals.use(token, 'repeatPayment', 'tx-1')).toMatchObject(needsPin);
    expect(approvals.use(token, 'resolvePayment', 'tx-1')).toEqual({ ok: true, approver: maria });
    expect(approvals.use(token, 'resolvePayment', 'tx-1')).toMatchObject(needsPin);
  });

  it('a Settings approval is used again until its minutes are up, and covers People', () => {
    const { clock, approvals } = setup();
    const token = approvals.grant('settings', maria, undefined);
    expect(approvals.use(token, 'settings', undefined)).toMatchObject({ ok: true });
    expect(approvals.use(token, 'people', undefined)).toMatchObject({ ok: true });
    clock.advance(TTL.settings - 1);
    expect(approvals.use(token, 'settings', undefined)).toMatchObject({ ok: true });
    clock.advance(1);
    expect(approvals.use(token, 'settings', undefined)).toMatchObject(expired);
    expect(approvals.use(undefined, 'settings', undefined)).toMatchObject(needsPin);
  });

  it('a People approval is used again too, for its 5 minutes', () => {
    const { clock, approvals } = setup();
    const token = approvals.grant('people', maria, undefined);
    expect(approvals.use(token, 'people', undefined)).toMatchObject({ ok: true });
    clock.advance(TTL.other);
    expect(approvals.use(token, 'people', undefined)).toMatchObject({ ok: true });
  });

  it('only a Settings approval covers People: a payment approval does not open it', () => {
    const { approvals } = setup();
    const token = approvals.grant('resolvePayment', maria, undefined);
    expect(approvals.use(token, 'people', undefined)).toMatchObject(needsPin);
  });

  it('an approval given without naming a payment is not bound to one (still spent once)', () => {
    const { approvals } = setup();
    const token = approvals.grant('resolvePayment', maria, undefined);
    expect(approvals.use(token, 'resolvePayment', 'tx-9')).toEqual({ ok: true, approver: maria });
    expect(approvals.use(token, 'resolvePayment', 'tx-9')).toMatchObject(needsPin);
  });

  it('sign-out forgets every approval', () => {
    const { approvals } = setup();
    const token = approvals.grant('settings', maria, undefined);
    approvals.clear();
    expect(approvals.use(token, 'settings', undefined)).toMatchObject(needsPin);
  });

  for (const [name, jump] of [
    ['set back 3 h', -3 * HOUR],
    ['set forward 3 h', 3 * HOUR],
  ] as const) {
    it(`the PC's clock ${name}: a Settings approval still lasts its 5 minutes, no more, no less`, () => {
      const { clock, approvals } = setup();
      const token = approvals.grant('settings', maria, undefined);
      clock.advance(60_000);
      clock.jump(jump);
      expect(approvals.use(token, 'settings', undefined)).toMatchObject({ ok: true });
      clock.advance(TTL.settings - 60_000);
      expect(approvals.use(token, 'settings', undefined)).toMatchObject(expired);
    });
  }
});
