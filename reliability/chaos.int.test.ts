import { describe, expect, it } from 'vitest';
import { runChaos, type ChaosReport } from './chaos-run';
import { formatChaosFindings, formatChaosReport } from './format';

/**
 * The seeded chaos run (issue item 1) in its small form: real simulator with random faults, real
 * core over real sockets, judged against the simulator's ground truth. The 10 000-payment run is
 * `npm run chaos -- --payments 10000 --terminals 50 --seed 1` (docs/reliability.md).
 *
 * KNOWN BUGS 1 and 2 (an error frame pinned on the wrong payment; a lost void never recovered —
 * both reproduced deterministically in known-bugs.int.test.ts) can strike in any run, depending on
 * timing. Their findings carry exact signatures (ground-truth.ts) and are excluded here by
 * `unexplainedViolations`, and ONLY those. When they are fixed, tighten to `hardViolations`.
 */
function explain(r: ChaosReport): string {
  return `seed ${r.options.seed}\n${formatChaosReport(r)}\n${formatChaosFindings(r)}`;
}

function assertSafe(r: ChaosReport): void {
  const known = new Set([...r.misattributed, ...r.lostVoids]);
  expect(r.unexplainedViolations, explain(r)).toBe(0);
  expect(r.verdict.falseApprovals.filter((f) => !known.has(f.transactionId)), explain(r)).toEqual([]);
  expect(r.verdict.gatewayUnsettled, explain(r)).toEqual([]);
  expect(r.stuck, explain(r)).toEqual([]);
  expect(r.contradictedNotCharged.filter((c) => !known.has(c.transactionId)), explain(r)).toEqual([]);
  expect(r.twoOpenOnTerminal, explain(r)).toBe(0);
}

describe('chaos run (seeded)', () => {
  it('250 payments on 8 terminals under random faults, with the API secret: the app agrees with the gateway on every payment', async () => {
    const r = await runChaos({ payments: 250, terminals: 8, seed: 20261121, withSecret: true });
    assertSafe(r);
    // With the lookup every unknown is settled; only the known bug may leave "needs review".
    expect(r.verdict.unresolved.filter((f) => !r.misattributed.includes(f.transactionId)), explain(r)).toEqual([]);
    expect(r.cashierResolutions).toBe(0);
    // The faults really happened and the hard paths were really taken.
    const injected = Object.values(r.faults).filter((n) => n > 0).length;
    expect(injected, explain(r)).toBeGreaterThanOrEqual(4);
    expect(r.verdict.voided, explain(r)).toBeGreaterThan(0);
    expect(r.verdict.alertsRaised).toBe(r.verdict.voided - r.lostVoids.length);
    expect(r.unknownEntered, explain(r)).toBeGreaterThan(0);
    expect(r.reconnects, explain(r)).toBeGreaterThan(0);
  }, 90_000);

  it('100 payments without the API secret: unknown outcomes wait for the cashier (counted), nothing is lost', async () => {
    const r = await runChaos({ payments: 100, terminals: 6, seed: 7, withSecret: false });
    assertSafe(r);
    expect(r.lookupsRequested).toBe(0);
    // Every accepted start is in the app's record; a start refused because the link dropped at the
    // moment of sending is recorded too (as rejected, and judged like the rest).
    expect(r.verdict.compared).toBeGreaterThanOrEqual(r.attempts);
  }, 90_000);
});
