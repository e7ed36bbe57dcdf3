import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { PinLockout } from './pin-lockout';

const tuning = { attempts: 5, baseMs: 30_000, capMs: 8 * 60_000 };

describe('wrong PINs are rate-limited', () => {
  it('four wrong PINs are forgiven; the fifth locks the person for 30 s', () => {
    const clock = new FakeClock();
    const lockout = new PinLockout(clock, tuning);
    for (let i = 0; i < 4; i += 1) expect(lockout.failed('ann')).toBeUndefined();
    expect(lockout.lockedUntil('ann')).toBeUndefined();
    expect(lockout.failed('ann')).toBe(clock.now() + 30_000);
    expect(lockout.lockedUntil('ann')).toBe(clock.now() + 30_000);
    expect(lockout.lockedUntil('bob')).toBeUndefined();
    clock.advance(29_999);
    expect(lockout.lockedUntil('ann')).toBeDefined();
    clock.advance(1);
    expect(lockout.lockedUntil('ann')).toBeUndefined();
  });

  it('each further lockout lasts twice as long, up to the cap', () => {
    const clock = new FakeClock();
    const lockout = new PinLockout(clock, tuning);
    const lengths: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      let until: number | undefined;
      for (let i = 0; i < 5; i += 1) until = lockout.failed('ann');
      lengths.push(until! - clock.now());
      clock.advance(until! - clock.now());
    }
    expect(lengths).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 480_000]);
  });

  it('the right PIN forgets the wrong ones; a manager lifting the lock does too', () => {
    const clock = new FakeClock();
    const lockout = new PinLockout(clock, tuning);
    for (let i = 0; i < 4; i += 1) lockout.failed('ann');
    lockout.succeeded('ann');
    for (let i = 0; i < 4; i += 1) expect(lockout.failed('ann')).toBeUndefined();
    lockout.failed('ann');
    expect(lockout.lockedUntil('ann')).toBeDefined();
    lockout.lift('ann');
    expect(lockout.lockedUntil('ann')).toBeUndefined();
    expect(lockout.failed('ann')).toBeUndefined();
  });
});

describe("a lockout lasts its time whatever the PC's clock does", () => {
  for (const [name, jump] of [
    ['set forward 2 h', 2 * 3_600_000],
    ['set back 2 h', -2 * 3_600_000],
  ] as const) {
    it(`the clock ${name}: still locked for the rest of the 30 s, then free, and the end is told from the new clock`, () => {
      const clock = new FakeClock();
      const lockout = new PinLockout(clock, tuning);
      for (let i = 0; i < 5; i += 1) lockout.failed('ann');
      clock.advance(10_000);
      clock.jump(jump);
      // Forward, a wall-clock lock would be over (guessing goes on); back, it would last 2 h.
      expect(lockout.lockedUntil('ann')).toBe(clock.now() + 20_000);
      clock.advance(19_999);
      expect(lockout.lockedUntil('ann')).toBe(clock.now() + 1);
      clock.advance(1);
      expect(lockout.lockedUntil('ann')).toBeUndefined();
    });
  }
});
