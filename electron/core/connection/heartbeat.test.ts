import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { Heartbeat } from './heartbeat';

function setup() {
  const clock = new FakeClock();
  const pings: number[] = [];
  const dead: string[] = [];
  const hb = new Heartbeat(
    clock,
    { intervalMs: 30_000, timeoutMs: 10_000, checkNowTimeoutMs: 3_000 },
    () => pings.push(clock.now()),
    (r) => dead.push(r),
  );
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

  it('checkNow during an outstanding ping shortens the deadline, never lengthens it', () => {
    const { clock, pings, dead, hb } = setup();
    hb.start();
    clock.advance(30_000); // ping, deadline at +10 s
    clock.advance(8_000);
    hb.checkNow(); // its own deadline (+3 s) would be later: the earlier one stays
    expect(pings).toHaveLength(2);
    clock.advance(2_000);
    expect(dead).toEqual(['no pong within deadline']);

    const other = setup();
    other.hb.start();
    other.clock.advance(30_000); // deadline at +10 s
    other.clock.advance(1_000);
    other.hb.checkNow(); // +3 s is earlier: it wins
    other.clock.advance(2_999);
    expect(other.dead).toEqual([]);
    other.clock.advance(1);
    expect(other.dead).toEqual(['no pong after checkNow']);
  });

  it('measures the round trip from the first unanswered ping, and a pong restarts the 30 s wait', () => {
    const { clock, pings, dead, hb } = setup();
    hb.start();
    clock.advance(30_000);
    clock.advance(1_000);
    hb.checkNow();
    clock.advance(500);
    hb.onPong();
    expect(hb.lastRttMs).toBe(1_500);
    clock.advance(29_999);
    expect(pings).toHaveLength(2);
    clock.advance(1);
    expect(pings).toHaveLength(3);
    expect(dead).toEqual([]);
  });

  it('does nothing while stopped: no ping, no pong handling, no checkNow', () => {
    const { clock, pings, dead, hb } = setup();
    hb.onPong();
    hb.checkNow();
    clock.advance(120_000);
    expect(pings).toEqual([]);
    expect(dead).toEqual([]);
    expect(hb.lastRttMs).toBeUndefined();
    hb.start();
    hb.start(); // a second start does not double the pings
    clock.advance(30_000);
    expect(pings).toHaveLength(1);
  });

  it('after a pong, the next unanswered ping still gets its deadline (and so does one after stop and start)', () => {
    const { clock, dead, hb } = setup();
    hb.start();
    clock.advance(30_000);
    hb.onPong();
    clock.advance(30_000 + 9_999);
    expect(dead).toEqual([]);
    clock.advance(1);
    expect(dead).toEqual(['no pong within deadline']);
    hb.stop();
    hb.onPong(); // stopped: a stray pong schedules nothing
    hb.checkNow();
    clock.advance(120_000);
    expect(dead).toHaveLength(1);
  });

  it("the PC's clock set while a ping is out: the round trip is what it took, and checkNow still gets its 3 s", () => {
    const { clock, dead, hb } = setup();
    hb.start();
    clock.advance(30_000);
    clock.advance(40);
    clock.jump(-3_600_000);
    clock.advance(40);
    hb.onPong();
    expect(hb.lastRttMs).toBe(80);
    clock.advance(30_000); // the next ping, with its 10 s deadline
    clock.jump(3_600_000);
    hb.checkNow();
    clock.advance(3_000);
    expect(dead).toEqual(['no pong after checkNow']);
  });
});
