import { describe, expect, it } from 'vitest';
import { runCrash } from './crash-run';

/**
 * The crash run (kill -9 mid-payment, restart, every payment recovered from the journal) in its small form: a core in a child process is killed with
 * SIGKILL at seeded random moments while paying; after each kill the journal is replayed, and at
 * the end a restarted core with the API secret settles everything. The 200-payment run is
 * `npm run crash -- --payments 200 --seed 1`.
 */
describe('crash run (kill -9, seeded)', () => {
  it('20 payments, at least 5 kills: nothing journaled goes missing, and everything ends final or with a reason', async () => {
    const r = await runCrash({ payments: 20, killEvery: 4, minKills: 5, seed: 5 });
    const why = JSON.stringify({ seed: 5, missing: r.missingAfterReplay, withoutReason: r.withoutReason, verdict: r.verdict, states: r.finalStates });
    expect(r.kills).toBeGreaterThanOrEqual(5);
    expect(r.journaled).toBeGreaterThanOrEqual(20);
    expect(r.missingAfterReplay, why).toEqual([]);
    expect(r.withoutReason, why).toEqual([]);
    expect(r.verdict.mismatches, why).toEqual([]);
    expect(r.verdict.doubleCharges, why).toEqual([]);
    expect(r.verdict.orphans, why).toEqual([]);
    expect(r.verdict.alertErrors, why).toEqual([]);
    expect(r.hardViolations, why).toBe(0);
  }, 90_000);
});
