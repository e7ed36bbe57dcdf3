import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Journal } from '../electron/core/journal/journal';
import { systemClock } from '../electron/core/ports';
import { createHarness } from '../electron/core/testing/harness';
import { FINAL_PAYMENT_STATES, type PaymentView } from '../shared/ipc';
import { startSimulator } from '../simulator/index';
import { countAlertRaises } from './alert-raises';
import { CoreObserver } from './core-observer';
import { chaosConfig } from './chaos-run';
import { startScriptShuffler } from './fault-scheduler';
import { hardViolations, judge, type Verdict } from './ground-truth';
import { createRng } from './rng';

/**
 * The crash run (nothing acknowledged is lost across a kill -9): a core in a child process pays on several terminals against the
 * simulator in this process; we kill -9 it at seeded random moments, replay its journal, restart
 * it, and finally settle everything with a core that has the API secret. Nothing the child said
 * was journaled may be missing; every payment ends final, or needs review / unknown with a reason.
 */
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

export interface CrashOptions {
  payments: number;
  /** Kill the child after this many JOURNALED lines on average (seeded, 1…2×). */
  killEvery?: number;
  terminals?: number;
  seed: number;
  /** Keep killing until at least this many kills happened (default 1). */
  minKills?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  options: CrashOptions;
  kills: number;
  journaled: number;
  /** Payments journaled by a child that were missing from the next replay (must be 0). */
  missingAfterReplay: string[];
  /** Torn last lines skipped at replay (a kill mid-write). */
  tornLines: number;
  /** Payments that were mid-flight (not final) in the journal right after a kill. */
  openAtKill: number;
  /** Payments left open, or unknown/needs review with no reason (must be 0). */
  withoutReason: string[];
  /** Payments in a journal beyond those the child reported (the kill fell between fsync and stdout). */
  journaledUnreported: number;
  finalStates: Record<string, number>;
  verdict: Verdict;
  hardViolations: number;
  durationMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runCrash(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const rng = createRng(options.seed);
  const killEvery = options.killEvery ?? 10;
  const { config, terminalIds, posKey, posSecret } = chaosConfig(options.terminals ?? 4);
  const graceMs = 400;
  const sim = await startSimulator({ config, defaultDelayMs: 60, gracePeriodMs: graceMs, paymentTimeoutMs: 1_500 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-crash-'));
  const journaled = new Map<string, string>();
  const missing: string[] = [];
  let tornLines = 0;
  let openAtKill = 0;
  let kills = 0;
  let child: ChildProcess | undefined;
  // The terminals keep getting a random behaviour for their next payment while the child pays.
  const stopScripts = startScriptShuffler({ sim, rng, terminals: terminalIds, graceMs, weights: { noResponse: 0 } });
  try {
    const minKills = options.minKills ?? 1;
    for (let run = 0; journaled.size < options.payments || kills < minKills; run += 1) {
      const budget = Math.max(killEvery, options.payments - journaled.size);
      // Half the kills come a random number of payments in (mid-payment, mid-journal-write), half
      // a random time after start (also during start-up, replay and recovery).
      const byCount = rng.chance(0.5);
      const killAfter = byCount ? rng.int(Math.max(1, Math.floor(killEvery / 2)), killEvery * 2) : Infinity;
      const extraMs = rng.int(0, 200);
      const killAtMs = byCount ? Infinity : rng.int(0, 400 + killEvery * 150);
      child = spawn(
        process.execPath,
        ['--import', 'tsx', CHILD, dataDir, sim.url, posKey, posSecret, terminalIds.join(','), `CRASH-${options.seed}-${run}`, String(budget)],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      let seenThisRun = 0;
      let buffer = '';
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      const killed = new Promise<'kill' | 'done'>((resolve) => {
        child!.stdout!.on('data', (d: Buffer) => {
          buffer += d.toString();
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            const m = /^JOURNALED (\S+) (\S+)$/.exec(line);
            if (m) {
              journaled.set(m[1]!, m[2]!);
              seenThisRun += 1;
              if (seenThisRun === killAfter) setTimeout(() => resolve('kill'), extraMs);
            }
            if (line === 'DONE') resolve('done');
          }
        });
        if (Number.isFinite(killAtMs)) setTimeout(() => resolve('kill'), killAtMs);
        void exited.then(() => resolve('done'));
      });
      const timeout = sleep(60_000).then(() => 'timeout' as const);
      const why = await Promise.race([killed, timeout]);
      if (why === 'timeout') throw new Error(`crash child made no progress in 60 s (seed ${options.seed}): ${stderr.slice(-2000)}`);
      if (why === 'kill' && child.exitCode === null) {
        child.kill('SIGKILL');
        kills += 1;
      }
      const code = await exited;
      if (why === 'done' && code !== 0) throw new Error(`crash child exited ${code} (seed ${options.seed}): ${stderr.slice(-2000)}`);
      child = undefined;
      // The replay a restarted host would do: everything reported as journaled must be there.
      const replay = new Journal(path.join(dataDir, 'journal'), systemClock).replay();
      tornLines += replay.badLines.filter((b) => b.torn).length;
      if (why === 'kill') openAtKill += [...replay.payments.values()].filter((p) => !FINAL_PAYMENT_STATES.includes(p.state)).length;
      for (const id of journaled.keys()) if (!replay.payments.has(id) && !missing.includes(id)) missing.push(id);
      log(`run ${run}: ${why}, ${journaled.size}/${options.payments} journaled, ${replay.payments.size} in the journal, ${kills} kills`);
    }
  } finally {
    stopScripts();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }

  // Restart once more, with the secret, and let recovery settle what the kills left open.
  for (const id of terminalIds) sim.control.reconnectTerminal(id, 0);
  const h = await createHarness({
    dataDir,
    settings: { endpoint: sim.url, apiKey: posKey, apiSecret: posSecret },
    tuning: { terminalGraceMs: graceMs, paymentDeadlineMs: 2_500 },
  });
  const observer = new CoreObserver();
  h.core.subscribe(observer.listener);
  try {
    const end = Date.now() + 30_000;
    let payments: PaymentView[] = [];
    for (;;) {
      const snap = await h.snapshot();
      payments = snap.payments;
      const gatewayBusy = sim.control.transactions().some((t) => t.status === 'PENDING' || t.status === 'AWAITING_RECONNECT');
      const open = payments.filter((p) => !FINAL_PAYMENT_STATES.includes(p.state));
      if (snap.connection.state === 'open' && !gatewayBusy && open.length === 0) break;
      if (Date.now() > end) break;
      for (const p of open) if (p.state === 'unknown') await h.core.invoke('checkPaymentNow', { transactionId: p.transactionId });
      await sleep(150);
    }
    const ids = new Set(payments.map((p) => p.transactionId));
    for (const id of journaled.keys()) if (!ids.has(id) && !missing.includes(id)) missing.push(id);
    // Final, or waiting for a person (unknown / needs review) with the reason shown to them.
    const withoutReason = payments
      .filter((p) => (p.state === 'unknown' || p.state === 'needs_review' ? !p.detail : !FINAL_PAYMENT_STATES.includes(p.state)))
      .map((p) => `${p.transactionId} ${p.state}`);
    // Alerts raised across all the child runs are in the journal: count every raise record.
    const alerts = countAlertRaises(path.join(dataDir, 'journal'));
    const verdict = judge({ payments, transactions: sim.control.transactions(), alertsRaised: alerts });
    const finalStates = payments.reduce<Record<string, number>>((m, p) => ((m[p.state] = (m[p.state] ?? 0) + 1), m), {});
    return {
      options,
      kills,
      journaled: journaled.size,
      missingAfterReplay: missing,
      tornLines,
      openAtKill,
      withoutReason,
      journaledUnreported: payments.filter((p) => !journaled.has(p.transactionId)).length,
      finalStates,
      verdict,
      hardViolations: hardViolations(verdict, 0) + missing.length + withoutReason.length,
      durationMs: Date.now() - started,
    };
  } finally {
    await h.dispose({ keepDir: true });
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
