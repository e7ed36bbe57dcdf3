import type { PaymentView } from '../shared/ipc';
import type { SimTransaction } from '../simulator/api';
import { percentile } from '../bench/lib/stats';
import type { ChaosCashiers } from './chaos-cashier';
import type { CoreObserver } from './core-observer';
import type { FaultKind, TerminalBehaviour } from './fault-scheduler';
import { hardViolations, judge, lostVoids, misattributedRejections, unexplainedViolations, type Verdict } from './ground-truth';

/** What a chaos run is asked to do (reliability/chaos-run.ts). */
export interface ChaosOptions {
  payments: number;
  terminals: number;
  seed: number;
  /** With the API secret unknown outcomes are settled by the HTTP lookup ("check now"); without,
   *  the cashier settles them from the terminal screen (counted). */
  withSecret: boolean;
  graceMs?: number;
  /** The simulator's own payment timeout (NO_RESPONSE terminals). */
  paymentTimeoutMs?: number;
  faultIntervalMs?: [number, number];
  /** At most this many attempts per order (default 3). */
  maxAttempts?: number;
  /** Give up on an order after this long (default 60 s). */
  orderLimitMs?: number;
  /** Progress / fault lines. */
  log?: (line: string) => void;
}

export interface ChaosReport {
  options: ChaosOptions;
  orders: number;
  ordersPaid: number;
  ordersGivenUp: number;
  attempts: number;
  behaviours: Record<TerminalBehaviour, number>;
  faults: Record<FaultKind, number>;
  refusals: Record<string, number>;
  verdict: Verdict;
  twoOpenOnTerminal: number;
  /** "Not charged" finals the app later took back (needs review): the customer may have been told wrong. */
  contradictedNotCharged: { transactionId: string; from: string; to: string }[];
  hardViolations: number;
  /** KNOWN BUG 1: payments told "rejected" although the gateway took them (ground-truth.ts). */
  misattributed: string[];
  /** KNOWN BUG 2: voided at the gateway, still "not charged" in the app (ground-truth.ts). */
  lostVoids: string[];
  /** Hard violations not explained by KNOWN BUGS 1 and 2. */
  unexplainedViolations: number;
  appStates: Record<string, number>;
  /** Why declined payments were declined (errorCode, or how they were settled). */
  declineReasons: Record<string, number>;
  gatewayStatuses: Record<string, number>;
  reconnects: number;
  lookupsRequested: number;
  cashierResolutions: number;
  /** Terminals found stuck on a payment the gateway had given up on (TERMINAL_BUSY), cancelled by hand. */
  terminalsUnstuck: number;
  unknownEntered: number;
  unknownResolveMs: Spread;
  /** Pay → first final state on screen, every payment: how long the cashier waited for an answer. */
  answerMs: Spread;
  /** Payments still open when their order's time budget (`orderLimitMs`, shared by all its
   *  attempts) ran out, with how long each had been open; judged at the end like the rest. */
  stuck: string[];
  durationMs: number;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

function spread(values: number[]): Spread {
  return { p50: percentile(values, 50) || 0, p95: percentile(values, 95) || 0, max: values.reduce((m, v) => Math.max(m, v), 0) };
}

const countEach = (values: string[]) => values.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});

/** Everything a finished, settled run saw, from which its report is judged. */
export interface ChaosEnd {
  options: ChaosOptions;
  startedAt: number;
  cashiers: ChaosCashiers;
  faults: Record<FaultKind, number>;
  observer: CoreObserver;
  /** The app's payments after settling (the core's snapshot). */
  payments: PaymentView[];
  reconnects: number;
  /** The gateway's ground truth: every transaction it ever held. */
  transactions: SimTransaction[];
}

/** Judges every payment against the gateway's ground truth and gathers the run's figures. */
export function chaosReport(end: ChaosEnd): ChaosReport {
  const { options, cashiers, observer, payments, transactions } = end;
  const verdict = judge({ payments, transactions, alertsRaised: observer.alertsRaised, firstShown: observer.firstFinal });
  const misattributed = misattributedRejections(observer.everRejected, transactions);
  const lost = lostVoids(verdict);
  const d = observer.unknownDurationsMs;
  return {
    options,
    orders: options.payments,
    ordersPaid: cashiers.ordersPaid,
    ordersGivenUp: cashiers.ordersGivenUp,
    attempts: cashiers.attempts,
    behaviours: cashiers.behaviours,
    faults: { ...end.faults },
    refusals: cashiers.refusals,
    verdict,
    twoOpenOnTerminal: observer.twoOpen.length,
    contradictedNotCharged: observer.contradictedNotCharged,
    hardViolations: hardViolations(verdict, observer.twoOpen.length),
    misattributed: [...misattributed],
    lostVoids: [...lost],
    unexplainedViolations: unexplainedViolations(verdict, observer.twoOpen.length, new Set([...misattributed, ...lost])),
    appStates: countEach(payments.map((p) => p.state)),
    declineReasons: countEach(payments.filter((p) => p.state === 'declined').map((p) => `${p.errorCode ?? 'no code'} via ${p.resolution?.by ?? 'push'}`)),
    gatewayStatuses: countEach(transactions.map((t) => t.status)),
    reconnects: end.reconnects,
    lookupsRequested: cashiers.lookupsRequested,
    cashierResolutions: cashiers.cashierResolutions,
    terminalsUnstuck: cashiers.terminalsUnstuck,
    unknownEntered: d.length + observer.stillUnknown(),
    unknownResolveMs: spread(d),
    answerMs: spread(observer.answerDurationsMs),
    stuck: cashiers.stuck,
    durationMs: Date.now() - end.startedAt,
  };
}
