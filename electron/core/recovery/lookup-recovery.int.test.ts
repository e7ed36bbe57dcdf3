import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator/index';
import type { LookupFault } from '../../../simulator/api';
import { createHarness } from '../testing/harness';
import { FAST_SIM, paymentStates, payOk } from '../testing/sim-fixture';

/**
 * Money-truth rule 2 through the core: a payment of unknown outcome leaves "unknown" only on the
 * gateway's real answer. A wrong lookup answer keeps it unknown, is logged with its reason, and
 * the payment is looked up again on the recheck schedule until a real answer settles it.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A payment approved on the terminal while the till was closed; the first lookups after the restart get `fault`. */
async function unknownAfterRestart(fault: LookupFault) {
  const sim = await startSimulator({ ...FAST_SIM, replayOnReconnect: false });
  cleanups.push(() => sim.close());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-lookup-recovery-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const settings = { endpoint: sim.url, apiKey: sim.apiKeys.pos, apiSecret: sim.apiKeys.posSecret };
  const before = await createHarness({ dataDir, settings });
  await before.waitFor((s) => s.terminals.some((t) => t.id === 'TERM-001' && t.payable));
  sim.control.script('TERM-001', { outcome: 'MANUAL' });
  const id = await payOk(before, 'TERM-001', 'LR-1');
  await before.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'awaiting_result'));
  await before.dispose({ keepDir: true });
  expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
  sim.control.lookupFault(fault);
  const h = await createHarness({ dataDir, settings });
  cleanups.push(() => h.dispose({ keepDir: true }));
  return { sim, h, id };
}

describe('recovery trusts only a real lookup answer', () => {
  it.each([
    ['html404', /404/],
    ['redirect', /redirect/],
    ['wrongId', /another transaction/],
  ] as const)('a %s lookup answer keeps the payment unknown; the recheck then settles it from the real answer', async (answer, reason) => {
    const { h, id } = await unknownAfterRestart({ answer, times: 1 });
    const settled = await h.waitFor((s) =>
      s.payments.find((p) => p.transactionId === id && p.state !== 'unknown' && p.state !== 'sent' && p.state !== 'awaiting_result'),
    );
    expect(paymentStates(h, id)).toEqual(['unknown', 'approved']);
    expect(settled).toMatchObject({ state: 'approved', resolution: { by: 'lookup' } });
    const lookups = h.logger.lines.filter((l) => l.event === 'audit.lookup' && l.transactionId === id);
    expect(lookups[0]).toMatchObject({ result: 'error' });
    expect(String(lookups[0]?.message)).toMatch(reason);
    expect(lookups.at(-1)).toMatchObject({ result: 'found', status: 'COMPLETED' });
  });

  it('a proxy that keeps answering HTML never turns the payment into "not charged"', async () => {
    const { h, id } = await unknownAfterRestart({ answer: 'html404' });
    await h.waitFor(() => h.logger.lines.filter((l) => l.event === 'audit.lookup' && l.transactionId === id).length >= 3 || undefined);
    const p = (await h.snapshot()).payments.find((q) => q.transactionId === id);
    expect(p?.state).toBe('unknown');
    expect(paymentStates(h, id)).not.toContain('rejected');
  });
});
