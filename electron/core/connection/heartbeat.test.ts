import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { Heartbeat } from './heartbeat';

function setup() {
  const clock = new FakeClock();
  const pings: number[] = [];
  const dead: string[] = [];
  const hb = new Heartbeat(clock, { intervalMs: 30_000, timeoutMs: 10_000, checkNowTimeoutMs: 3_000 }, () => pings.push(clock.now()), (r) => dead.push(r));
  return { clock, pings, dead, hb };
}

describe('heartbeat (vendor §8: ping every 30 s, dead after 10 s without pong)', () => {
  it('pings every 30 s while pongs come back', () => {
    const { clock, pings, dead, hb } = setup();
    hb.start();
    for (let i = 0; i < 3; i += 1) {
      clock.advance(30_000);
      clock.advance(50);
      hb.onPong();
    }
    expect(pings.length).toBe(3);
    expect(dead).toEqual([]);
    expect(hb.lastRttMs).toBe(50);
  });

  it('declares the link dead 10 s after an unanswered ping', () => {
    const { clock, dead, hb } = setup();
    hb.start();
    clock.advance(30_000 + 9_999);
    expect(dead).toEqual([]);
    clock.advance(1);
    expect(dead).toHaveLength(1);
  });

  it('checkNow pings at once with the short deadline', () => {
    const { clock, pings, dead, hb } = setup();
    hb.start();
    clock.advance(5_000);
    hb.checkNow();
    expect(pings).toEqual([clock.now()]);
    clock.advance(3_000);
    expect(dead).toEqual(['no pong after checkNow']);
  });

  it('stop() silences the deadline and the next ping (that only a pong clears it: heartbeat-link.int.test.ts)', () => {
    const { clock, dead, hb } = setup();
    hb.start();
    clock.advance(35_000);
    hb.stop();
    clock.advance(60_000);
    expect(dead).toEqual([]);
  });
});
