import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/ipc';
import { startSimulator } from '../../../simulator/index';
import type { SimulatorHandle } from '../../../simulator/api';
import { createHarness, type CoreHarness } from '../testing/harness';
import { FakeClock } from '../testing/fake-clock';

/**
 * Back online at once (till: back online at once): after a gateway outage the till must be payable within
 * about a second of the gateway's return while the cashier is on the checkout or payments wait,
 * yet keep the slow full-jitter backoff otherwise (a store's tills must not all hammer a gateway
 * that is coming back). Time is the core's FakeClock: figures are simulated milliseconds.
 */
let sim: SimulatorHandle | undefined;
let h: CoreHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  await sim?.close();
  h = sim = undefined;
});

const payable = (s: Snapshot) => s.connection.state === 'open' && s.terminals.some((t) => t.id === 'TERM-001' && t.payable);

async function tillOnFakeClock(random: number) {
  sim = await startSimulator({ defaultDelayMs: 50 });
  const clock = new FakeClock(Date.now());
  h = await createHarness({
    settings: { endpoint: sim.url, apiKey: sim.apiKeys.pos },
    // The production backoff: first retry within 250 ms, doubling to 30 s, 1 s while urgent.
    tuning: { pingIntervalMs: 3_600_000, pongTimeoutMs: 3_600_000, backoffBaseMs: 250, backoffCapMs: 30_000, backoffUrgentCapMs: 1_000, random: () => random },
    deps: { clock },
  });
  await h.waitFor(payable);
  return { clock, h, sim };
}

/** Lets every retry due so far fail against the down gateway, until the backoff has grown to `attempts`. */
async function failRetries(clock: FakeClock, harness: CoreHarness, attempts: number): Promise<Snapshot['connection']> {
  for (;;) {
    const c = await harness.waitFor((s) => s.connection.state === 'backoff' && s.connection);
    if (c.attempt >= attempts) return c;
    clock.advance(c.nextRetryAt! - clock.now());
    await harness.waitFor((s) => s.connection.state === 'backoff' && s.connection.attempt > c.attempt && s.connection);
  }
}

/** Simulated ms from now until the till is payable, advancing the fake clock 50 ms at a time. */
async function simulatedMsUntilPayable(clock: FakeClock, harness: CoreHarness): Promise<number> {
  const start = clock.now();
  for (;;) {
    const s = await harness.snapshot();
    if (payable(s)) return clock.now() - start;
    if (s.connection.state === 'connecting' || s.connection.state === 'open') {
      await harness.waitFor((x) => x.connection.state !== 'connecting' && x);
      continue;
    }
    if (clock.now() - start > 60_000) throw new Error(`not payable after 60 s simulated: ${JSON.stringify(s.connection)}`);
    clock.advance(50);
  }
}

describe('back online at once', () => {
  it("on the checkout: after a long outage the next try is at most 1 s away, and the till is payable within 1 s of the gateway's return", async () => {
    const { clock } = await tillOnFakeClock(0.999);
    await h!.core.invoke('setCheckoutOpen', { open: true });
    const restarted = sim!.control.restart({ downMs: 1_500 });
    const c = await failRetries(clock, h!, 9);
    expect(c.nextRetryAt! - clock.now()).toBeLessThanOrEqual(1_000);
    await restarted;
    expect(await simulatedMsUntilPayable(clock, h!)).toBeLessThanOrEqual(1_000);
  });

  it('off the checkout with nothing waiting, the herd backoff stays (up to 30 s); returning to the checkout brings the next try within 1 s', async () => {
    const { clock } = await tillOnFakeClock(0.999);
    await h!.core.invoke('setCheckoutOpen', { open: false });
    const restarted = sim!.control.restart({ downMs: 1_500 });
    const c = await failRetries(clock, h!, 9);
    expect(c.nextRetryAt! - clock.now()).toBe(29_970);
    await restarted;
    await h!.core.invoke('setCheckoutOpen', { open: true });
    const sooner = await h!.waitFor((s) => s.connection.state === 'backoff' && s.connection.nextRetryAt! - clock.now() <= 1_000 && s.connection);
    expect(sooner.attempt).toBe(c.attempt);
    expect(await simulatedMsUntilPayable(clock, h!)).toBeLessThanOrEqual(1_000);
  });
});
