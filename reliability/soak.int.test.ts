import { describe, expect, it } from 'vitest';
import { runSoak } from './soak-run';

/**
 * The soak run (no heap, handle or listener growth over a shift) in its small form: 2 simulated hours on the accelerated clock.
 * The 8-hour shift is `npm run soak -- --hours 8`. Memory and handles are counts, not timings.
 */
describe('soak run (accelerated clock)', () => {
  it('2 simulated hours of pings, payments and reconnects: no growth in handles or socket listeners, heap well under 10 MB', async () => {
    const r = await runSoak({ hours: 2, seed: 1 });
    const why = JSON.stringify({ baseline: r.baseline, samples: r.samples });
    expect(r.gcExposed).toBe(true);
    expect(r.payments).toBeGreaterThanOrEqual(50);
    expect(r.approved).toBe(r.payments);
    expect(r.pings, why).toBeGreaterThan(200); // every 30 simulated seconds
    expect(r.reconnects, why).toBeGreaterThanOrEqual(2); // a server cut each hour
    expect(r.handleGrowth, why).toBeLessThanOrEqual(0);
    expect(r.listenerGrowth, why).toBeLessThanOrEqual(0);
    expect(r.heapGrowthMb, why).toBeLessThan(10);
  }, 90_000);
});
