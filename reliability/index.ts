/**
 * What other suites reuse (e.g. the Playwright "UI under chaos" run):
 *   const sim = host.simulator()!;
 *   const rng = createRng(seed);
 *   const faults = startFaultScheduler({ sim, rng: rng.fork('faults'), terminals: ['TERM-001', 'TERM-002', 'TERM-003'], graceMs });
 *   const stopScripts = startScriptShuffler({ sim, rng: rng.fork('scripts'), terminals: [...], graceMs });
 *   … drive the UI …
 *   stopScripts(); await faults.stop();
 *   const verdict = judge({ payments: historyFromTheScreen, transactions: sim.control.transactions(), alertsRaised });
 */
export { createRng, type Rng } from './rng';
export {
  startFaultScheduler,
  startScriptShuffler,
  chooseScript,
  FAULT_KINDS,
  TERMINAL_BEHAVIOURS,
  type FaultKind,
  type FaultScheduler,
  type FaultSchedulerOptions,
  type TerminalBehaviour,
} from './fault-scheduler';
export {
  judge,
  hardViolations,
  misattributedRejections,
  unexplainedViolations,
  AGREEING_STATES,
  UNRESOLVED_STATES,
  type Verdict,
  type Finding,
} from './ground-truth';
export { CoreObserver } from './core-observer';
