import type { PaymentScript, SimulatorHandle } from '../simulator/api';
import type { Rng } from './rng';

/**
 * The chaos switch: given a simulator handle and a seeded RNG, injects gateway-side faults on a
 * random schedule until stopped. Reusable from the chaos CLI, Vitest and the UI-under-chaos spec (e2e/chaos-ui.spec.ts):
 *
 *   const faults = startFaultScheduler({ sim, rng: createRng(seed), terminals: ['TERM-001'], graceMs: 60_000 });
 *   ...
 *   await faults.stop();   // heals everything: pushes undelayed, pings answered, terminals plugged in
 *
 * Per-payment terminal behaviour (decline, drop mid-payment, never answers…) is `chooseScript`.
 */
export const FAULT_KINDS = [
  'terminalDropWithinGrace',
  'terminalDropPastGrace',
  'posDropWithClose',
  'posDropSilent',
  'duplicatePush',
  'reorderPushes',
  'slowPushes',
  'lifetimeCut',
  'idleCut',
  'pingsIgnored',
  'gatewayRestart',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const DEFAULT_FAULT_WEIGHTS: Record<FaultKind, number> = {
  terminalDropWithinGrace: 4,
  terminalDropPastGrace: 2,
  posDropWithClose: 2,
  posDropSilent: 2,
  duplicatePush: 4,
  reorderPushes: 4,
  slowPushes: 2,
  lifetimeCut: 2,
  idleCut: 2,
  pingsIgnored: 2,
  gatewayRestart: 2,
};

export interface FaultSchedulerOptions {
  sim: SimulatorHandle;
  rng: Rng;
  /** Terminal ids (deviceId terminals) whose cables may be pulled. */
  terminals: readonly string[];
  /** The simulator's grace period, to pull cables for less or more than it. */
  graceMs: number;
  /** Pause between two faults, drawn uniformly from [min, max] ms. */
  intervalMs?: [number, number];
  weights?: Partial<Record<FaultKind, number>>;
  /** One line per injected fault (seeded runs print it on failure). */
  log?: (line: string) => void;
}

export interface FaultScheduler {
  readonly counts: Record<FaultKind, number>;
  /** Stops injecting and heals the simulator; resolves when a running fault has finished. */
  stop(): Promise<void>;
}

export function startFaultScheduler(options: FaultSchedulerOptions): FaultScheduler {
  const { sim, rng, graceMs } = options;
  const [minGap, maxGap] = options.intervalMs ?? [100, 400];
  const weights = { ...DEFAULT_FAULT_WEIGHTS, ...options.weights };
  const counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const control = sim.control;
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(t);
        wake = undefined;
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      await sleep(rng.int(minGap, maxGap));
      if (stopped) break;
      try {
        const kind = rng.weighted(weights);
        counts[kind] += 1;
        await injectFault(kind, { control, rng, graceMs, terminals: options.terminals, log, sleep });
      } catch (err) {
        log(`fault failed: ${String(err)}`);
      }
    }
  })();

  return {
    counts,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      control.faults.delayPushes(0);
      control.faults.ignorePings(false);
      control.setConfig({ maxConnectionLifetimeMs: 0, idleTimeoutMs: 0 });
      for (const id of options.terminals) control.reconnectTerminal(id, 0);
    },
  };
}

interface FaultContext {
  control: FaultSchedulerOptions['sim']['control'];
  rng: FaultSchedulerOptions['rng'];
  graceMs: number;
  terminals: readonly string[];
  log(line: string): void;
  sleep(ms: number): Promise<void>;
}

/** One fault, and for the timed ones its healing once the while is over. */
async function injectFault(kind: FaultKind, ctx: FaultContext): Promise<void> {
  switch (kind) {
    case 'terminalDropWithinGrace': {
      const id = ctx.rng.pick(ctx.terminals);
      const back = ctx.rng.int(30, Math.max(40, Math.floor(ctx.graceMs * 0.5)));
      ctx.log(`drop ${id} for ${back} ms (within grace)`);
      ctx.control.dropTerminal(id, { reconnectAfterMs: back });
      return;
    }
    case 'terminalDropPastGrace': {
      const id = ctx.rng.pick(ctx.terminals);
      const back = ctx.graceMs + ctx.rng.int(Math.floor(ctx.graceMs * 0.3), ctx.graceMs * 2);
      ctx.log(`drop ${id} for ${back} ms (past grace)`);
      ctx.control.dropTerminal(id, { reconnectAfterMs: back });
      return;
    }
    case 'posDropWithClose':
      ctx.log('drop POS link (close frame)');
      ctx.control.faults.dropPosConnections({ silent: false });
      return;
    case 'posDropSilent':
      ctx.log('drop POS link (silent)');
      ctx.control.faults.dropPosConnections({ silent: true });
      return;
    case 'duplicatePush':
      ctx.log('duplicate next push');
      ctx.control.faults.duplicateNext();
      return;
    case 'reorderPushes':
      ctx.log('reorder next two pushes');
      ctx.control.faults.reorderNext();
      return;
    case 'slowPushes': {
      const ms = ctx.rng.int(50, 400);
      ctx.log(`delay pushes ${ms} ms for a while`);
      ctx.control.faults.delayPushes(ms);
      await ctx.sleep(ctx.rng.int(300, 1_500));
      ctx.control.faults.delayPushes(0);
      return;
    }
    case 'lifetimeCut': {
      const ms = ctx.rng.int(200, 1_200);
      ctx.log(`max connection lifetime ${ms} ms for a while`);
      ctx.control.setConfig({ maxConnectionLifetimeMs: ms });
      await ctx.sleep(ms + ctx.rng.int(100, 800));
      ctx.control.setConfig({ maxConnectionLifetimeMs: 0 });
      return;
    }
    case 'idleCut': {
      const ms = ctx.rng.int(150, 600);
      ctx.log(`idle timeout ${ms} ms for a while`);
      ctx.control.setConfig({ idleTimeoutMs: ms });
      await ctx.sleep(ms + ctx.rng.int(100, 800));
      ctx.control.setConfig({ idleTimeoutMs: 0 });
      return;
    }
    case 'pingsIgnored': {
      const ms = ctx.rng.int(300, 1_500);
      ctx.log(`ignore pings for ${ms} ms`);
      ctx.control.faults.ignorePings(true);
      await ctx.sleep(ms);
      ctx.control.faults.ignorePings(false);
      return;
    }
    case 'gatewayRestart': {
      const downMs = ctx.rng.int(50, 400);
      ctx.log(`gateway restart, down ${downMs} ms`);
      await ctx.control.restart({ downMs });
      return;
    }
  }
}

export const TERMINAL_BEHAVIOURS = [
  'approve',
  'approveSlow',
  'pendingThenApprove',
  'decline',
  'cancel',
  'noResponse',
  'dropMidPaymentWithinGrace',
  'dropMidPaymentPastGrace',
] as const;
export type TerminalBehaviour = (typeof TERMINAL_BEHAVIOURS)[number];

export const DEFAULT_BEHAVIOUR_WEIGHTS: Record<TerminalBehaviour, number> = {
  approve: 10,
  approveSlow: 2,
  pendingThenApprove: 2,
  decline: 3,
  cancel: 2,
  noResponse: 1,
  dropMidPaymentWithinGrace: 2,
  dropMidPaymentPastGrace: 2,
};

/** How the terminal behaves for one payment (set with `control.script` before it starts). */
export function chooseScript(
  rng: Rng,
  graceMs: number,
  weights: Partial<Record<TerminalBehaviour, number>> = {},
): { behaviour: TerminalBehaviour; script: PaymentScript } {
  const behaviour = rng.weighted({ ...DEFAULT_BEHAVIOUR_WEIGHTS, ...weights });
  const delayMs = rng.int(10, 120);
  const after = rng.pick(['SUCCESS', 'SUCCESS', 'FAILED', 'CANCELLED'] as const);
  switch (behaviour) {
    case 'approve':
      return { behaviour, script: { outcome: 'SUCCESS', delayMs } };
    case 'approveSlow':
      return { behaviour, script: { outcome: 'SUCCESS', delayMs: rng.int(300, Math.max(400, graceMs)) } };
    case 'pendingThenApprove':
      return { behaviour, script: { outcome: 'PENDING_THEN_SUCCESS', delayMs: delayMs * 2 } };
    case 'decline':
      return { behaviour, script: { outcome: 'FAILED', delayMs } };
    case 'cancel':
      return { behaviour, script: { outcome: 'CANCELLED', delayMs } };
    case 'noResponse':
      return { behaviour, script: { outcome: 'NO_RESPONSE' } };
    case 'dropMidPaymentWithinGrace':
      return {
        behaviour,
        script: { outcome: 'DROP_MID_PAYMENT', delayMs, reconnectAfterMs: rng.int(20, Math.floor(graceMs * 0.5)), resultAfterReconnect: after },
      };
    case 'dropMidPaymentPastGrace':
      return {
        behaviour,
        script: { outcome: 'DROP_MID_PAYMENT', delayMs, reconnectAfterMs: graceMs + rng.int(Math.floor(graceMs * 0.3), graceMs), resultAfterReconnect: after },
      };
  }
}

/**
 * Gives idle terminals a random behaviour for their next payment every `everyMs` (for drivers
 * that do not script each payment themselves: the crash run, a Playwright run through the UI).
 * Returns a stop function.
 */
export function startScriptShuffler(options: {
  sim: SimulatorHandle;
  rng: Rng;
  terminals: readonly string[];
  graceMs: number;
  everyMs?: number;
  weights?: Partial<Record<TerminalBehaviour, number>>;
}): () => void {
  const timer = setInterval(() => {
    const id = options.rng.pick(options.terminals);
    const t = options.sim.control.terminals().find((x) => x.id === id);
    if (t && !t.busyWith) options.sim.control.script(id, chooseScript(options.rng, options.graceMs, options.weights).script);
  }, options.everyMs ?? 40);
  return () => clearInterval(timer);
}
