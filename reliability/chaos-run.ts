import { createHarness, type CoreHarness } from '../electron/core/testing/harness';
import type { CoreTuning } from '../electron/core/ports';
import { startSimulator } from '../simulator/index';
import type { SimulatorConfigFile, SimulatorHandle } from '../simulator/api';
import { ChaosCashiers } from './chaos-cashier';
import { chaosReport, type ChaosOptions, type ChaosReport } from './chaos-report';
import { keepGroundTruth, settleChaos, startProgress } from './chaos-settle';
import { CoreObserver } from './core-observer';
import { startFaultScheduler } from './fault-scheduler';
import { createRng } from './rng';

export type { ChaosOptions, ChaosReport, Spread } from './chaos-report';

/**
 * The chaos run (nothing lost or charged twice under random gateway faults): the real simulator with random faults, driving the real core over
 * real sockets through `invoke('startPayment')` like the UI does, several terminals in parallel
 * (chaos-cashier.ts). Each payment is one order; a new attempt for the same order is made only
 * when the app says the customer was not charged. At the end every transactionId is judged
 * against the simulator's ground truth (ground-truth.ts, chaos-report.ts).
 */

export function chaosConfig(terminals: number): { config: SimulatorConfigFile; terminalIds: string[]; posKey: string; posSecret: string } {
  const posKey = 'chaos-pos-key';
  const posSecret = 'chaos-pos-secret';
  const keys: SimulatorConfigFile['keys'] = { [posKey]: { role: 'desktop', groupId: 'chaos', apiSecret: posSecret } };
  const terminalIds: string[] = [];
  for (let i = 1; i <= terminals; i += 1) {
    const id = `CHAOS-${String(i).padStart(3, '0')}`;
    terminalIds.push(id);
    keys[`chaos-term-${i}`] = { role: 'terminal', groupId: 'chaos', deviceId: id };
  }
  return { config: { keys }, terminalIds, posKey, posSecret };
}

/** The core's timings scaled down with the simulator's, so a fault plays out in a fraction of a second. */
function chaosTuning(graceMs: number, paymentTimeoutMs: number): Partial<CoreTuning> {
  return {
    pingIntervalMs: 500,
    pongTimeoutMs: 300,
    errorWindowMs: 150,
    paymentDeadlineMs: paymentTimeoutMs + 1_000,
    terminalGraceMs: graceMs,
    replayWindowMs: 300,
    abandonedRecheckMs: 300,
    backoffBaseMs: 30,
    backoffCapMs: 300,
  };
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const startedAt = Date.now();
  const graceMs = options.graceMs ?? 400;
  const paymentTimeoutMs = options.paymentTimeoutMs ?? 1_500;
  const { config, terminalIds, posKey, posSecret } = chaosConfig(options.terminals);
  const sim: SimulatorHandle = await startSimulator({ config, defaultDelayMs: 40, gracePeriodMs: graceMs, paymentTimeoutMs });
  let h: CoreHarness | undefined;
  let faults: ReturnType<typeof startFaultScheduler> | undefined;
  try {
    h = await createHarness({
      settings: { endpoint: sim.url, apiKey: posKey, apiSecret: options.withSecret ? posSecret : '' },
      tuning: chaosTuning(graceMs, paymentTimeoutMs),
    });
    const observer = new CoreObserver();
    h.core.subscribe(observer.listener);
    await h.waitFor((s) => s.connection.state === 'open' && terminalIds.every((id) => s.terminals.some((t) => t.id === id && t.payable)), 30_000);
    const cashiers = new ChaosCashiers({
      core: h.core,
      sim,
      observer,
      withSecret: options.withSecret,
      payments: options.payments,
      seed: options.seed,
      graceMs,
      maxAttempts: options.maxAttempts ?? 3,
      orderLimitMs: options.orderLimitMs ?? 60_000,
    });
    const log = options.log ?? (() => undefined);
    const rng = createRng(options.seed);
    const truth = keepGroundTruth(sim);
    faults = startFaultScheduler({
      sim,
      rng: rng.fork('faults'),
      terminals: terminalIds,
      graceMs,
      ...(options.faultIntervalMs ? { intervalMs: options.faultIntervalMs } : {}),
      log,
    });
    const faultCounts = faults.counts;
    const stopProgress = startProgress(h, cashiers, options.payments, log);
    try {
      await Promise.all(terminalIds.map((id) => cashiers.work(id, rng.fork(id))));
    } finally {
      stopProgress();
    }
    await faults.stop();
    faults = undefined;
    await settleChaos({ harness: h, sim, observer, cashiers }, Math.max(20_000, graceMs * 10), log);
    const transactions = truth.stop();
    const snap = await h.snapshot();
    return chaosReport({
      options,
      startedAt,
      cashiers,
      faults: faultCounts,
      observer,
      payments: snap.payments,
      reconnects: snap.connection.reconnectsToday,
      transactions,
    });
  } finally {
    await faults?.stop().catch(() => undefined);
    await h?.dispose();
    await sim.close();
  }
}
