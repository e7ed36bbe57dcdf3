import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CoreHarness } from '../electron/core/testing/harness';
import type { SimulatorHandle, SimTransaction } from '../simulator/api';
import { isFinal, sleep, type ChaosCashiers } from './chaos-cashier';
import type { CoreObserver } from './core-observer';

/**
 * The chaos run's bookkeeping around the cashiers: the progress line, the gateway's ground truth
 * kept for the judge, and the settle phase after the faults stop.
 */

/** Logs progress every 5 s while the cashiers work; returns the function that stops it. */
export function startProgress(harness: CoreHarness, cashiers: ChaosCashiers, payments: number, log: (line: string) => void): () => void {
  let progress = 0;
  let refusalsBefore: Record<string, number> = {};
  // Event-loop delay is what a late pong, and so a flapping link, would come from: the
  // simulator and the core share this process, so per-payment work shows up here first.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const timer = setInterval(() => {
    const n = Math.min(cashiers.nextOrder, payments);
    // Enough to tell a stall apart from slow progress: the link, how many terminals the app
    // would take a card on, and why starts were refused since the last line.
    const recent = Object.entries(cashiers.refusals)
      .map(([code, total]) => [code, total - (refusalsBefore[code] ?? 0)] as const)
      .filter(([, d]) => d > 0)
      .map(([code, d]) => `${code} ${d}`)
      .join(', ');
    refusalsBefore = { ...cashiers.refusals };
    void harness.snapshot().then(
      (snap) => {
        const payable = snap.terminals.filter((t) => t.payable).length;
        const loop = `event loop p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`;
        loopDelay.reset();
        if (n !== progress || recent) {
          log(
            `progress: ${n}/${payments} orders started, ${cashiers.attempts} attempts; link ${snap.connection.state}, ${payable}/${snap.terminals.length} terminals payable; ${loop}${recent ? `; refused: ${recent}` : ''}`,
          );
        }
        progress = n;
      },
      () => undefined,
    );
  }, 5_000);
  return () => {
    clearInterval(timer);
    loopDelay.disable();
  };
}

/**
 * The simulator forgets finished transactions beyond 20 000 (simulator/transactions.ts); a long
 * run keeps its own copy of the ground truth, refreshed every second and at the end.
 * `stop()` takes the last copy and returns every transaction seen.
 */
export function keepGroundTruth(sim: SimulatorHandle): { stop(): SimTransaction[] } {
  const truth = new Map<string, SimTransaction>();
  const record = () => {
    for (const t of sim.control.transactions()) truth.set(t.transactionId, t);
  };
  const timer = setInterval(record, 1_000);
  return {
    stop() {
      clearInterval(timer);
      record();
      return [...truth.values()];
    },
  };
}

/**
 * Settle: every cable back in, the link up, the gateway done with every transaction, and the
 * app told about every outcome (pushes replayed; unknowns checked by lookup or cashier).
 */
export async function settleChaos(
  run: { harness: CoreHarness; sim: SimulatorHandle; observer: CoreObserver; cashiers: ChaosCashiers },
  limitMs: number,
  log: (line: string) => void,
): Promise<void> {
  const { harness, sim, observer, cashiers } = run;
  const settleEnd = Date.now() + limitMs;
  for (;;) {
    const snap = await harness.snapshot();
    const gatewayBusy = sim.control.transactions().some((t) => t.status === 'PENDING' || t.status === 'AWAITING_RECONNECT');
    const open = snap.payments.filter((p) => !isFinal(p));
    const voidPending = sim.control
      .transactions()
      .filter(
        (t) =>
          t.status === 'VOIDED' &&
          observer.payments.get(t.transactionId)?.state !== 'voided' &&
          observer.payments.get(t.transactionId)?.state !== 'needs_review',
      );
    if (snap.connection.state === 'open' && !gatewayBusy && open.length === 0 && voidPending.length === 0) break;
    if (Date.now() > settleEnd) {
      log(`settle timed out: link=${snap.connection.state} gatewayBusy=${gatewayBusy} open=${open.length} voidPending=${voidPending.length}`);
      break;
    }
    for (const p of open) await cashiers.nudge(p);
    await sleep(100);
  }
}
