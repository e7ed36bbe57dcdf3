import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/ipc';
import { startFixture, type SimFixture } from '../testing/sim-fixture';

/**
 * Money-truth rule 6: terminal status never depends on the gateway's clock agreeing with the till's.
 * The real simulator runs its clock 5 minutes ahead or behind, and sends its terminal list with
 * or without timestamps (the vendor quick start's form has none).
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const FIVE_MINUTES = 5 * 60_000;
const GRACE_MS = 4_000;

const term1 = (s: Snapshot) => s.terminals.find((t) => t.id === 'TERM-001');

/** How many inbound frames matching `match` the core has logged so far. */
function framesIn(fx: SimFixture, match: (frame: Record<string, unknown>) => boolean): number {
  return fx.h.logger.lines.filter((l) => l.event === 'frame.in' && match(l.frame as Record<string, unknown>)).length;
}
const isDropPush = (f: Record<string, unknown>) => f.action === 'terminalStatusUpdate' && f.terminalId === 'TERM-001' && f.status === 'reconnecting';
const isBackPush = (f: Record<string, unknown>) => f.action === 'terminalStatusUpdate' && f.terminalId === 'TERM-001' && f.status === 'connected';
const isList = (f: Record<string, unknown>) => f.action === 'terminalsResponse';

async function start(clockSkewMs: number, terminalListTimestamps: boolean): Promise<SimFixture> {
  return startFixture({
    sim: { clockSkewMs, terminalListTimestamps, gracePeriodMs: GRACE_MS },
    tuning: { terminalGraceMs: GRACE_MS },
  });
}

describe.each([
  { clock: '5 minutes ahead', skew: FIVE_MINUTES },
  { clock: '5 minutes behind', skew: -FIVE_MINUTES },
])('gateway clock $clock of the till', ({ skew }) => {
  for (const listTimestamps of [false, true]) {
    it(`a terminal that drops stops being payable, with the whole grace countdown on the till's clock (list ${listTimestamps ? 'with' : 'without'} timestamps)`, async () => {
      fx = await start(skew, listTimestamps);
      const before = Date.now();
      fx.sim.control.dropTerminal('TERM-001');
      await fx.h.waitFor(() => framesIn(fx!, isDropPush) > 0);
      const after = Date.now();
      const t = term1(await fx.h.snapshot());
      expect(t).toMatchObject({ presence: 'reconnecting', payable: false });
      expect(t!.graceEndsAt).toBeGreaterThanOrEqual(before + GRACE_MS);
      expect(t!.graceEndsAt).toBeLessThanOrEqual(after + GRACE_MS);
      expect(
        (await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 100, currency: 'EUR', paymentMethod: 'CARD', orderRef: 'SKEW-1' })).ok,
      ).toBe(false);
    });
  }

  it('after a link outage the terminal list (no timestamps) wins over the last push: arrival order', async () => {
    fx = await start(skew, false);
    // A drop and a return: TERM-001's newest fact is a push stamped with the gateway's clock.
    fx.sim.control.dropTerminal('TERM-001', { reconnectAfterMs: 50 });
    await fx.h.waitFor((s) => framesIn(fx!, isBackPush) > 0 && term1(s)?.payable);
    // The gateway forgets this register's socket (half-open), so the next drop's push is lost;
    // only the list the register asks for after it reconnects can tell.
    const listsBefore = framesIn(fx, isList);
    fx.sim.control.faults.dropPosConnections({ silent: true, halfOpen: true });
    fx.sim.control.dropTerminal('TERM-001');
    await fx.h.waitFor(() => fx!.sim.control.terminals().find((t) => t.id === 'TERM-001' && t.status === 'reconnecting'));
    await fx.h.waitFor((s) => s.connection.state === 'open' && framesIn(fx!, isList) > listsBefore);
    expect(term1(await fx.h.snapshot())).toMatchObject({ presence: 'reconnecting', payable: false });
  });
});
