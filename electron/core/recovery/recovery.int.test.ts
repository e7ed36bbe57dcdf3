import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator/index';
import type { SimulatorHandle, SimulatorOptions } from '../../../simulator/api';
import { createHarness, type CoreHarness } from '../testing/harness';
import { FAST_SIM, payOk, startFixture } from '../testing/sim-fixture';
import { CHECK_TERMINAL } from './recovery';

/**
 * Restart mid-payment with journal replay, and recovery by lookup with and without the API
 * secret — the core really is killed with SIGKILL in a child process.
 */
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../testing/child-core.ts');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sim(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const s = await startSimulator({ ...FAST_SIM, ...options });
  cleanups.push(() => s.close());
  return s;
}

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-recovery-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/**
 * A child's start-up (node + tsx compiling the core) takes seconds, and far longer on a loaded
 * 2-core CI machine. No fixed budget is put on it: the test waits for the child's own "SENT"
 * line or its exit, whichever comes first. The test timeout below is only a guard against a hang.
 */
const CHILD_TEST_TIMEOUT_MS = 120_000;

/** Starts a core in a child process, sends a payment on a MANUAL terminal, then kill -9. */
async function killMidPayment(s: SimulatorHandle, dataDir: string, orderRef: string): Promise<string> {
  s.control.script('TERM-001', { outcome: 'MANUAL' });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, s.url, s.apiKeys.pos, 'TERM-001', orderRef], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const id = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /SENT (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${out} ${err}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return id;
}

async function restart(s: SimulatorHandle, dataDir: string, withSecret: boolean): Promise<CoreHarness> {
  const h = await createHarness({ dataDir, settings: { endpoint: s.url, apiKey: s.apiKeys.pos, apiSecret: withSecret ? s.apiKeys.posSecret : '' } });
  cleanups.push(() => h.dispose({ keepDir: true }));
  return h;
}

describe('restart mid-payment and recovery', () => {
  it(
    'kill -9 mid-payment; result while down; restart WITH the secret → resolved by lookup',
    async () => {
      const s = await sim({ replayOnReconnect: false });
      const dataDir = tempDir();
      const id = await killMidPayment(s, dataDir, 'R-1');
      expect(s.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
      const h = await restart(s, dataDir, true);
      const p = await h.waitFor((x) => x.payments.find((q) => q.transactionId === id && q.state === 'approved'));
      expect(p).toMatchObject({ orderRef: 'R-1', amountMinor: 4321, resolution: { by: 'lookup' } });
      expect(h.logger.lines.some((l) => l.event === 'audit.lookup' && l.transactionId === id && l.status === 'COMPLETED')).toBe(true);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    'kill -9 mid-payment; restart WITHOUT a secret → "check the terminal", the cashier settles it with a reason',
    async () => {
      const s = await sim({ replayOnReconnect: false });
      const dataDir = tempDir();
      const id = await killMidPayment(s, dataDir, 'R-2');
      const h = await restart(s, dataDir, false);
      const p = await h.waitFor((x) => x.payments.find((q) => q.transactionId === id && q.state === 'unknown' && q.detail === CHECK_TERMINAL));
      expect(p.orderRef).toBe('R-2');
      expect(h.core.hasPaymentInFlight()).toBe(true);
      const r = await h.core.invoke('resolvePayment', { transactionId: id, outcome: 'abandoned', reason: 'Terminal screen shows no transaction' });
      expect(r.ok && r.value.state).toBe('abandoned');
      expect(h.core.hasPaymentInFlight()).toBe(false);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "kill -9 mid-payment; restart without a secret; the gateway's replayed push settles it",
    async () => {
      const s = await sim({ replayOnReconnect: true });
      const dataDir = tempDir();
      const id = await killMidPayment(s, dataDir, 'R-3');
      s.control.resolve('TERM-001', 'FAILED', { errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Insufficient funds' });
      const h = await restart(s, dataDir, false);
      const p = await h.waitFor((x) => x.payments.find((q) => q.transactionId === id && q.state === 'declined'));
      expect(p.resolution?.by).toBe('push');
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it('checkPaymentNow with the secret asks the gateway: still pending means keep waiting', async () => {
    const fx = await startFixture({ withSecret: true, sim: { gracePeriodMs: 200, replayOnReconnect: false }, tuning: { paymentDeadlineMs: 60_000 } });
    cleanups.push(() => fx.close());
    fx.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const id = await payOk(fx.h, 'TERM-001', 'R-4');
    await fx.h.waitFor((x) => x.payments.find((q) => q.transactionId === id && q.state === 'awaiting_result'));
    const checked = await fx.h.core.invoke('checkPaymentNow', { transactionId: id });
    expect(checked.ok && checked.value.state).toBe('awaiting_result'); // gateway: still PENDING
    fx.sim.control.resolve('TERM-001', 'CANCELLED');
    await fx.h.waitFor((x) => x.payments.find((q) => q.transactionId === id && q.state === 'cancelled'));
  });

  it('a void alert survives a restart until it is acknowledged', async () => {
    const s = await sim({ gracePeriodMs: 300 });
    const dataDir = tempDir();
    const h1 = await createHarness({ dataDir, settings: { endpoint: s.url, apiKey: s.apiKeys.pos } });
    await h1.waitFor((x) => x.terminals.some((t) => t.id === 'TERM-001' && t.payable));
    s.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 100, reconnectAfterMs: 900, resultAfterReconnect: 'SUCCESS' });
    const id = await payOk(h1, 'TERM-001', 'R-5');
    await h1.waitFor((x) => x.alerts.find((a) => a.transactionId === id));
    await h1.dispose({ keepDir: true });
    const h2 = await restart(s, dataDir, false);
    const snap = await h2.snapshot();
    expect(snap.alerts.map((a) => a.transactionId)).toEqual([id]);
    expect(snap.payments.find((p) => p.transactionId === id)?.state).toBe('voided');
    await h2.core.invoke('acknowledgeAlert', { alertId: snap.alerts[0]!.id });
    await h2.dispose({ keepDir: true });
    const h3 = await restart(s, dataDir, false);
    expect((await h3.snapshot()).alerts).toEqual([]);
  });
});
