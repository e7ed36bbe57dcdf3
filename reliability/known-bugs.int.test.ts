import { afterEach, describe, expect, it } from 'vitest';
import { startFixture, payOk, type SimFixture } from '../electron/core/testing/sim-fixture';
import { parseServerFrame } from '../shared/protocol';

/**
 * Bugs the chaos run found, pinned as small deterministic reproductions. Each is `it.fails`: it
 * states the correct behaviour and currently fails; when the core is fixed the test turns red and
 * `.fails` must be removed (that is the point: it cannot silently stay broken or silently heal).
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('known bugs (found by chaos seed 4 without a secret)', () => {
  it.fails('an error frame about one terminal is never pinned on another terminal\'s payment (the customer WAS charged)', async () => {
    fx = await startFixture({ tuning: { errorWindowMs: 1_000 } });
    const { sim, h } = fx;
    sim.control.script('TERM-001', { outcome: 'MANUAL' });
    // The app has not heard yet that TERM-002 is gone (the status push is slow), so it still offers it.
    sim.control.faults.delayPushes(2_000);
    sim.control.dropTerminal('TERM-002');
    await new Promise((r) => setTimeout(r, 100));
    const first = await payOk(h, 'TERM-001', 'ORDER-A');
    await payOk(h, 'TERM-002', 'ORDER-B').catch(() => undefined);
    // The gateway answers "Terminal connection not found" for ORDER-B…
    await new Promise((r) => setTimeout(r, 300));
    const a = (await h.snapshot()).payments.find((p) => p.transactionId === first)!;
    // …and ORDER-A, which the terminal is processing, must not be told "not charged".
    expect(a.state).not.toBe('rejected');
  });
});

describe('known bugs (found by the frame fuzz run, kind hostileAction)', () => {
  // Over the real socket the exception escapes the ws 'message' listener: uncaught in the main
  // process, and the link goes deaf while still showing "open" (see docs/reliability.md, bug 2).
  // It is reproduced here at the parser so that Vitest itself is not taken down.
  it.fails('parseServerFrame never throws, even on {"action":{"toString":1}}', () => {
    expect(() => parseServerFrame('{"action":{"toString":1}}')).not.toThrow();
  });
});
