import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { english } from '../i18n/english';
import { translatorFor } from '../i18n/core-translator';
import { FakeClock } from '../testing/fake-clock';
import { PeopleService } from './people-service';

const logger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let dir: string;
let clock: FakeClock;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-people-codes-'));
  clock = new FakeClock();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tillWithCashier(): Promise<{ people: PeopleService; cashierId: string }> {
  const people = new PeopleService({ dataDir: dir, clock, logger, provisioning: {}, demo: () => false, idleLockMinutes: () => 5, busy: () => false });
  await people.load();
  await people.createFirstManager('Maria Manager', '2468');
  await people.savePerson({ name: 'Carl Cashier', role: 'cashier', pin: '1357' });
  const cashierId = people.view().people.find((p) => p.role === 'cashier')!.id;
  people.signOut(false);
  return { people, cashierId };
}

describe('people refusals speak codes (issue 16)', () => {
  it('a wrong PIN says how many tries are left, as a code with the count, in English and German', async () => {
    const { people, cashierId } = await tillWithCashier();
    const wrong = await people.signIn(cashierId, '0000');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_allowed', msg: { key: 'services.people.wrong_pin', values: { attemptsLeft: 4 } } } });
    if (wrong.ok) throw new Error('accepted a wrong PIN');
    expect(wrong.error.message).toBe(english(wrong.error.msg!));
    expect(wrong.error.message).toMatch(/wrong PIN.*4 tries left/i);
    expect(translatorFor('de-DE').say(wrong.error.msg)).toMatch(/Falsche PIN.*Noch 4 Versuche/);
    await people.signIn(cashierId, '0000');
    await people.signIn(cashierId, '0000');
    const last = await people.signIn(cashierId, '0000');
    expect(last).toMatchObject({ error: { msg: { values: { attemptsLeft: 1 } }, message: expect.stringMatching(/1 try left/) } });
  });

  it('a lockout names the person and the wait; the manager approval dialog says "not a manager PIN"', async () => {
    const { people, cashierId } = await tillWithCashier();
    for (let i = 0; i < 5; i += 1) await people.signIn(cashierId, '0000');
    const locked = await people.signIn(cashierId, '1357');
    expect(locked).toMatchObject({ error: { msg: { key: 'services.people.locked_seconds', values: { name: 'Carl Cashier', seconds: 30 } } } });
    if (locked.ok) throw new Error('signed in while locked');
    expect(translatorFor('ar-KW').say(locked.error.msg)).toContain('Carl Cashier');
    const notManager = await people.approve({ pin: '1357', action: 'people' });
    expect(notManager).toMatchObject({ error: { msg: { key: 'services.people.not_manager_pin' } } });
  });

  it('removing the last manager and a missing approval are codes', async () => {
    const { people } = await tillWithCashier();
    expect(await people.removePerson({ id: people.view().people[0]!.id })).toMatchObject({ error: { msg: { key: 'services.people.needs_manager_pin' } } });
    expect(await people.createFirstManager('Someone', '1111')).toMatchObject({ error: { msg: { key: 'services.people.already_has_people' } } });
  });
});
