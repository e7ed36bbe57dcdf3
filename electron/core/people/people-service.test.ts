import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { FakeClock } from '../testing/fake-clock';
import { hashPin } from './pin-hash';
import { PeopleService, type PeopleServiceDeps } from './people-service';

const lines: { event: string; fields?: Record<string, unknown> }[] = [];
const logger: Logger = {
  info: (event, fields) => lines.push({ event, ...(fields ? { fields } : {}) }),
  warn: (event, fields) => lines.push({ event, ...(fields ? { fields } : {}) }),
  error: (event, fields) => lines.push({ event, ...(fields ? { fields } : {}) }),
};
let dir: string;
let clock: FakeClock;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'checkstand-people-'));
  clock = new FakeClock();
  lines.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(patch: Partial<PeopleServiceDeps> = {}): Promise<PeopleService> {
  const people = new PeopleService({ dataDir: dir, clock, logger, provisioning: {}, demo: () => false, idleLockMinutes: () => 5, busy: () => false, ...patch });
  await people.load();
  return people;
}

async function withManagerAndCashier(): Promise<{ people: PeopleService; managerId: string; cashierId: string }> {
  const people = await open();
  expect((await people.createFirstManager('Maria Manager', '2468')).ok).toBe(true);
  const managerId = people.view().people[0]!.id;
  expect((await people.savePerson({ name: 'Carl Cashier', role: 'cashier', pin: '1357' })).ok).toBe(true);
  const cashierId = people.view().people.find((p) => p.role === 'cashier')!.id;
  people.signOut(false);
  return { people, managerId, cashierId };
}

describe('people and PINs', () => {
  it('a new install has roles on and asks for the first manager; the PIN is stored only as a hash', async () => {
    const people = await open();
    expect(people.view()).toMatchObject({ roles: 'on', needsFirstManager: true, session: null });
    const made = await people.createFirstManager('Maria Manager', '2468');
    expect(made.ok).toBe(true);
    expect(people.view().session).toMatchObject({ name: 'Maria Manager', role: 'manager' });
    const onDisk = await readFile(join(dir, 'people.json'), 'utf8');
    expect(onDisk).toContain('scrypt$');
    expect(onDisk).not.toContain('2468');
    expect(JSON.stringify(people.view())).not.toContain('scrypt');
    expect(JSON.stringify(lines)).not.toContain('2468');
    expect((await people.createFirstManager('Someone Else', '1111')).ok).toBe(false);
  });

  it('signs in with the right PIN only, and survives a restart', async () => {
    const { cashierId } = await withManagerAndCashier();
    const again = await open();
    expect((await again.signIn(cashierId, '9999')).ok).toBe(false);
    expect(again.view().session).toBeNull();
    expect((await again.signIn(cashierId, '1357')).ok).toBe(true);
    expect(again.current()).toEqual({ id: cashierId, name: 'Carl Cashier' });
  });

  it('five wrong PINs lock the person out (even the right PIN is refused) until a manager lifts it', async () => {
    const { people, cashierId } = await withManagerAndCashier();
    for (let i = 0; i < 5; i += 1) await people.signIn(cashierId, '0000');
    const locked = await people.signIn(cashierId, '1357');
    expect(locked).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too many wrong PINs.*try again in 30 seconds/i) } });
    expect(people.view().people.find((p) => p.id === cashierId)?.lockedUntil).toBe(clock.now() + 30_000);
    expect((await people.unlockPerson({ id: cashierId })).ok).toBe(false);
    const approval = await people.approve({ pin: '2468', action: 'people' });
    if (!approval.ok) throw new Error(approval.error.message);
    expect((await people.unlockPerson({ id: cashierId, approval: approval.value.token })).ok).toBe(true);
    expect((await people.signIn(cashierId, '1357')).ok).toBe(true);
    expect(lines.some((l) => l.event === 'audit.pin_lockout')).toBe(true);
  });

  it("the PC's clock set forward does not end a lockout: the right PIN is still refused, with the seconds truly left", async () => {
    const { people, cashierId } = await withManagerAndCashier();
    for (let i = 0; i < 5; i += 1) await people.signIn(cashierId, '0000');
    clock.advance(10_000);
    clock.jump(6 * 3_600_000);
    const refused = await people.signIn(cashierId, '1357');
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/try again in 20 seconds/i) } });
    clock.advance(20_000);
    expect((await people.signIn(cashierId, '1357')).ok).toBe(true);
  });

  it('an existing install is asked once; the answer is kept', async () => {
    await writeFile(join(dir, 'settings.json'), '{"version":1,"settings":{}}');
    const people = await open();
    expect(people.view().roles).toBe('ask');
    expect((await people.chooseRoles(false)).ok).toBe(true);
    expect((await open()).view().roles).toBe('off');
  });

  it('CHECKSTAND_ROLES=off beats the provisioning file; roles off needs no one and no approval', async () => {
    const people = await open({ provisioning: { roles: true, envRoles: 'off' } });
    expect(people.view()).toMatchObject({ roles: 'off', needsFirstManager: false });
    expect(people.authorize('settings')).toEqual({ ok: true });
    expect(people.mayWork()).toEqual({ ok: true });
  });

  it('store IT provisions people with a first-run PIN or a PIN hash, added once by name', async () => {
    const provisioning = {
      people: [
        { name: 'Ivy IT Manager', role: 'manager', pinHash: await hashPin('8642') },
        { name: 'Pat', role: 'cashier', pin: '5555' },
      ],
    };
    const people = await open({ provisioning });
    expect(people.view()).toMatchObject({ roles: 'on', needsFirstManager: false });
    const pat = people.view().people.find((p) => p.name === 'Pat')!;
    expect((await people.signIn(pat.id, '5555')).ok).toBe(true);
    expect(await readFile(join(dir, 'people.json'), 'utf8')).not.toContain('5555');
    const ivy = people.view().people.find((p) => p.name === 'Ivy IT Manager')!;
    people.signOut(false);
    expect((await people.removePerson({ id: pat.id, approval: await token(people, '8642', 'people') })).ok).toBe(true);
    const reopened = await open({ provisioning });
    expect(reopened.view().people.map((p) => p.id)).toEqual([ivy.id]);
  });

  it('demo mode offers training people whose PINs are shown', async () => {
    const people = await open({ demo: () => true });
    expect(people.view().needsFirstManager).toBe(false);
    const training = people.view().people.filter((p) => p.trainingPin);
    expect(training.map((p) => [p.name, p.role, p.trainingPin])).toEqual([
      ['Training cashier', 'cashier', '1111'],
      ['Training manager', 'manager', '9999'],
    ]);
    expect((await people.signIn(training[0]!.id, '1111')).ok).toBe(true);
  });
});

describe("the manager's PIN", () => {
  it('a cashier needs a manager approval for the action it was given for; each approval is in the audit log', async () => {
    const { people, cashierId } = await withManagerAndCashier();
    await people.signIn(cashierId, '1357');
    expect(people.authorize('settings')).toMatchObject({ ok: false });
    expect((await people.approve({ pin: '1357', action: 'settings' })).ok).toBe(false);
    const settings = await token(people, '2468', 'settings');
    expect(people.authorize('settings', settings)).toEqual({ ok: true, approver: { id: expect.any(String), name: 'Maria Manager' } });
    expect(people.authorize('resolvePayment', settings, 'tx-1')).toMatchObject({ ok: false });
    const resolve = await token(people, '2468', 'resolvePayment', 'tx-1');
    expect(people.authorize('resolvePayment', resolve, 'tx-2')).toMatchObject({ ok: false });
    expect(people.authorize('resolvePayment', resolve, 'tx-1')).toMatchObject({ ok: true });
    expect(people.authorize('resolvePayment', resolve, 'tx-1')).toMatchObject({ ok: false });
    const audit = lines.filter((l) => l.event === 'audit.manager_approval').map((l) => l.fields);
    expect(audit).toContainEqual(expect.objectContaining({ action: 'resolvePayment', subject: 'tx-1', askedBy: 'Carl Cashier', approvedBy: 'Maria Manager' }));
  });

  it('a settings approval lasts a few minutes, not the whole day', async () => {
    const { people, cashierId } = await withManagerAndCashier();
    await people.signIn(cashierId, '1357');
    const settings = await token(people, '2468', 'settings');
    clock.advance(10 * 60_000 + 1);
    expect(people.authorize('settings', settings)).toMatchObject({ ok: false });
  });

  it('the verifier the shifts branch is wired to answers ok with the approver, or a reason', async () => {
    const { people } = await withManagerAndCashier();
    const verify = people.managerApproval();
    expect(await verify('2468')).toEqual({ ok: true, approver: { id: expect.any(String), name: 'Maria Manager' } });
    expect(await verify('1357')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a manager's PIN/i) });
  });
});

async function token(people: PeopleService, pin: string, action: 'settings' | 'resolvePayment' | 'people', subject?: string): Promise<string> {
  const result = await people.approve({ pin, action, ...(subject ? { subject } : {}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.token;
}
