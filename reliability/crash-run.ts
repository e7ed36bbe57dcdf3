import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Journal } from '../electron/core/journal/journal';
import { systemClock } from '../electron/core/ports';
import { createHarness, type CoreHarness } from '../electron/core/testing/harness';
import { FINAL_PAYMENT_STATES, type PaymentView } from '../shared/ipc';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle } from '../simulator/api';
import { CoreObserver } from './core-observer';
import { chaosConfig } from './chaos-run';
import { startScriptShuffler } from './fault-scheduler';
import { hardViolations, type Verdict } from './ground-truth';
import { judgeJournal } from './journal-judge';
import { createRng, type Rng } from './rng';

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
const GRACE_MS = 400;

/** What the kills did, counted across every child run. */
interface KillTally {
  /** transactionId → order, for every payment a child reported as journaled. */
  journaled: Map<string, string>;
  missing: string[];
  tornLines: number;
  openAtKill: number;
  kills: number;
}

/** The simulated gateway and the terminals the children pay on. */
interface CrashStage {
  sim: SimulatorHandle;
  dataDir: string;
  terminalIds: string[];
  posKey: string;
  posSecret: string;
}

export async function runCrash(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const { config, terminalIds, posKey, posSecret } = chaosConfig(options.terminals ?? 4);
  const sim = await startSimulator({ config, defaultDelayMs: 60, gracePeriodMs: GRACE_MS, paymentTimeoutMs: 1_500 });
  const stage: CrashStage = { sim, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cs-crash-')), terminalIds, posKey, posSecret };
  const tally: KillTally = { journaled: new Map(), missing: [], tornLines: 0, openAtKill: 0, kills: 0 };
  try {
    await killUntilDone(stage, options, tally);
    return { ...(await settleAfterKills(stage, tally)), options, durationMs: Date.now() - started };
  } finally {
    await sim.close();
    fs.rmSync(stage.dataDir, { recursive: true, force: true });
  }
}

/** Starts a child, kills it at a seeded moment, replays its journal; again until enough was journaled and killed. */
async function killUntilDone(stage: CrashStage, options: CrashOptions, tally: KillTally): Promise<void> {
  const log = options.log ?? (() => undefined);
  const rng = createRng(options.seed);
  const killEvery = options.killEvery ?? 10;
  const minKills = options.minKills ?? 1;
  // The terminals keep getting a random behaviour for their next payment while the child pays.
  const stopScripts = startScriptShuffler({ sim: stage.sim, rng, terminals: stage.terminalIds, graceMs: GRACE_MS, weights: { noResponse: 0 } });
  const running: { child?: ChildProcess } = {};
  try {
    for (let run = 0; tally.journaled.size < options.payments || tally.kills < minKills; run += 1) {
      const budget = Math.max(killEvery, options.payments - tally.journaled.size);
      const plan = planKill(rng, killEvery);
      const why = await runChildUntilKill(stage, [`CRASH-${options.seed}-${run}`, String(budget)], plan, tally, options.seed, running);
      checkReplay(stage.dataDir, why, tally);
      log(`run ${run}: ${why}, ${tally.journaled.size}/${options.payments} journaled, ${tally.kills} kills`);
    }
  } finally {
    stopScripts();
    if (running.child && running.child.exitCode === null) running.child.kill('SIGKILL');
  }
}

interface KillPlan {
  /** Kill after this many JOURNALED lines (Infinity: kill by time). */
  killAfter: number;
  /** …and this long after that line. */
  extraMs: number;
  /** Kill this long after start (Infinity: kill by count). */
  killAtMs: number;
}

/**
 * Half the kills come a random number of payments in (mid-payment, mid-journal-write), half
 * a random time after start (also during start-up, replay and recovery).
 */
function planKill(rng: Rng, killEvery: number): KillPlan {
  const byCount = rng.chance(0.5);
  const killAfter = byCount ? rng.int(Math.max(1, Math.floor(killEvery / 2)), killEvery * 2) : Infinity;
  const extraMs = rng.int(0, 200);
  const killAtMs = byCount ? Infinity : rng.int(0, 400 + killEvery * 150);
  return { killAfter, extraMs, killAtMs };
}

/** One child run: pays until the plan says kill (SIGKILL) or it is done; records what it journaled. */
async function runChildUntilKill(
  stage: CrashStage,
  runArgs: [orderPrefix: string, budget: string],
  plan: KillPlan,
  tally: KillTally,
  seed: number,
  running: { child?: ChildProcess },
): Promise<'kill' | 'done'> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, stage.dataDir, stage.sim.url, stage.posKey, stage.posSecret, stage.terminalIds.join(','), ...runArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.child = child;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killed = new Promise<'kill' | 'done'>((resolve) => {
    let seenThisRun = 0;
    onLines(child, (line) => {
      const m = /^JOURNALED (\S+) (\S+)$/.exec(line);
      if (m) {
        tally.journaled.set(m[1]!, m[2]!);
        seenThisRun += 1;
        if (seenThisRun === plan.killAfter) setTimeout(() => resolve('kill'), plan.extraMs);
      }
      if (line === 'DONE') resolve('done');
    });
    if (Number.isFinite(plan.killAtMs)) setTimeout(() => resolve('kill'), plan.killAtMs);
    void exited.then(() => resolve('done'));
  });
  const timeout = sleep(60_000).then(() => 'timeout' as const);
  const why = await Promise.race([killed, timeout]);
  if (why === 'timeout') throw new Error(`crash child made no progress in 60 s (seed ${seed}): ${stderr.slice(-2000)}`);
  if (why === 'kill' && child.exitCode === null) {
    child.kill('SIGKILL');
    tally.kills += 1;
  }
  const code = await exited;
  if (why === 'done' && code !== 0) throw new Error(`crash child exited ${code} (seed ${seed}): ${stderr.slice(-2000)}`);
  running.child = undefined;
  return why;
}

/** Calls `onLine` for every whole line the child writes to stdout. */
function onLines(child: ChildProcess, onLine: (line: string) => void): void {
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      onLine(line);
    }
  });
}

/** The replay a restarted host would do: everything reported as journaled must be there. */
function checkReplay(dataDir: string, why: 'kill' | 'done', tally: KillTally): void {
  const replay = new Journal(path.join(dataDir, 'journal'), systemClock).replay();
  tally.tornLines += replay.badLines.filter((b) => b.torn).length;
  if (why === 'kill') tally.openAtKill += [...replay.payments.values()].filter((p) => !FINAL_PAYMENT_STATES.includes(p.state)).length;
  for (const id of tally.journaled.keys()) if (!replay.payments.has(id) && !tally.missing.includes(id)) tally.missing.push(id);
}

/** Restarts once more, with the secret, lets recovery settle what the kills left open, and judges. */
async function settleAfterKills(stage: CrashStage, tally: KillTally): Promise<Omit<CrashReport, 'options' | 'durationMs'>> {
  const { sim, dataDir, terminalIds, posKey, posSecret } = stage;
  for (const id of terminalIds) sim.control.reconnectTerminal(id, 0);
  const h = await createHarness({
    dataDir,
    settings: { endpoint: sim.url, apiKey: posKey, apiSecret: posSecret },
    tuning: { terminalGraceMs: GRACE_MS, paymentDeadlineMs: 2_500 },
  });
  const observer = new CoreObserver();
  h.core.subscribe(observer.listener);
  try {
    const payments = await settleRecovered(h, sim);
    const { journaled, missing } = tally;
    const ids = new Set(payments.map((p) => p.transactionId));
    for (const id of journaled.keys()) if (!ids.has(id) && !missing.includes(id)) missing.push(id);
    // Final, or waiting for a person (unknown / needs review) with the reason shown to them.
    const withoutReason = payments
      .filter((p) => (p.state === 'unknown' || p.state === 'needs_review' ? !p.detail : !FINAL_PAYMENT_STATES.includes(p.state)))
      .map((p) => `${p.transactionId} ${p.state}`);
    // Every alert raise and what the cashier was first shown, across all the child runs, is in the journal.
    const verdict = judgeJournal(path.join(dataDir, 'journal'), payments, sim.control.transactions());
    const finalStates = payments.reduce<Record<string, number>>((m, p) => ((m[p.state] = (m[p.state] ?? 0) + 1), m), {});
    return {
      kills: tally.kills,
      journaled: journaled.size,
      missingAfterReplay: missing,
      tornLines: tally.tornLines,
      openAtKill: tally.openAtKill,
      withoutReason,
      journaledUnreported: payments.filter((p) => !journaled.has(p.transactionId)).length,
      finalStates,
      verdict,
      hardViolations: hardViolations(verdict, 0) + missing.length + withoutReason.length,
    };
  } finally {
    await h.dispose({ keepDir: true });
  }
}

/** Waits (at most 30 s) for the link, the gateway and every payment to settle, checking unknowns now; the payments then. */
async function settleRecovered(h: CoreHarness, sim: SimulatorHandle): Promise<PaymentView[]> {
  const end = Date.now() + 30_000;
  for (;;) {
    const snap = await h.snapshot();
    const gatewayBusy = sim.control.transactions().some((t) => t.status === 'PENDING' || t.status === 'AWAITING_RECONNECT');
    const open = snap.payments.filter((p) => !FINAL_PAYMENT_STATES.includes(p.state));
    if ((snap.connection.state === 'open' && !gatewayBusy && open.length === 0) || Date.now() > end) return snap.payments;
    for (const p of open) if (p.state === 'unknown') await h.core.invoke('checkPaymentNow', { transactionId: p.transactionId });
    await sleep(150);
  }
}
