import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type WebSocket from 'ws';
import { DEFAULT_CORE_TUNING } from '../electron/core/core-tuning';
import { defaultSocketFactory } from '../electron/core/connection/gateway-connection';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { createHarness, type CoreHarness } from '../electron/core/testing/harness';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle } from '../simulator/api';
import { createCountingLogger } from './counting-logger';
import { createRng } from './rng';

/**
 * The soak run (heap, handles and listeners must not grow over a shift): a shift on an accelerated clock. The core's clock is a FakeClock
 * (pings every 30 s, pong deadline 10 s, payment deadlines, backoff, all at the vendor's real
 * values) advanced in 5-second steps, while the simulator, the sockets and the journal run for
 * real. Every simulated hour: a server-side cut (alternately with and without a close frame) and
 * a terminal cable pulled for a moment; every 4 hours a gateway restart. A payment every 2
 * simulated minutes on rotating terminals. Measured each hour after a full GC: heap, active
 * handles (process.getActiveResourcesInfo) and the listeners on the core's gateway socket.
 *
 * The simulator's own timers run in real time, so simulated gateway-side waits (grace period)
 * are short real waits; what is accelerated is everything the app itself schedules.
 */
export interface SoakOptions {
  hours: number;
  seed: number;
  /** Simulated minutes between payments (default 2). */
  paymentEveryMin?: number;
  log?: (line: string) => void;
}

export interface SoakSample {
  /** Simulated hour; 0 = after warm-up, -1 = the end sample taken after a real-time quiet period. */
  hour: number;
  heapMb: number;
  handles: number;
  handlesByType: Record<string, number>;
  socketListeners: number;
  payments: number;
  approved: number;
  reconnects: number;
}

export interface SoakReport {
  options: SoakOptions;
  gcExposed: boolean;
  baseline: SoakSample;
  samples: SoakSample[];
  heapGrowthMb: number;
  handleGrowth: number;
  listenerGrowth: number;
  payments: number;
  approved: number;
  pings: number;
  reconnects: number;
  wallMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const STEP_MS = 5_000;

/** A full GC: `--expose-gc` when given, else V8's flag set at run time (works under Vitest too). */
function gcNow(): boolean {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      return false;
    }
  }
  gc();
  gc();
  return true;
}

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((m, v) => ((m[v] = (m[v] ?? 0) + 1), m), {});
}

/** The soak's moving parts: a core on a FakeClock against the real simulator, and what it counts. */
interface SoakRig {
  h: CoreHarness;
  sim: SimulatorHandle;
  clock: FakeClock;
  /** The core's current gateway socket (replaced at each reconnect). */
  socket: () => WebSocket | undefined;
  counts: { payments: number; approved: number; pings: number };
}

const TERMINALS = ['TERM-001', 'TERM-002', 'TERM-003'];

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const wallStart = Date.now();
  const rig = await startSoakRig();
  try {
    await settle(rig, () => linkReady(rig), 10_000);
    const { baseline, samples } = await runShift(rig, options);
    // Real-time timers that are still running (the lookup's 8 s fetch timeout, the simulator's
    // restart watchdog) span "hours" of compressed shift; a leak never goes away, they do.
    const quietEnd = Date.now() + 15_000;
    while (Date.now() < quietEnd && process.getActiveResourcesInfo().length > baseline.handles) await sleep(250);
    const last = { ...(await sample(rig, options.hours)), hour: options.hours };
    samples.push({ ...last, hour: -1 });
    return {
      options,
      gcExposed: gcNow(),
      baseline,
      samples,
      heapGrowthMb: last.heapMb - baseline.heapMb,
      handleGrowth: last.handles - baseline.handles,
      listenerGrowth: last.socketListeners - baseline.socketListeners,
      payments: rig.counts.payments,
      approved: rig.counts.approved,
      pings: rig.counts.pings,
      reconnects: last.reconnects,
      wallMs: Date.now() - wallStart,
    };
  } finally {
    await rig.h.dispose();
    await rig.sim.close();
  }
}

async function startSoakRig(): Promise<SoakRig> {
  const sim = await startSimulator({ defaultDelayMs: 5, gracePeriodMs: 300 });
  // The shift starts at 08:00 UTC today, not at the wall clock's time: a run started late in the
  // evening crossed midnight and the per-day reconnect count started again (seen at 23:00 UTC).
  const morning = new Date();
  morning.setUTCHours(8, 0, 0, 0);
  const clock = new FakeClock(morning.getTime());
  let socket: WebSocket | undefined;
  const counts = { payments: 0, approved: 0, pings: 0 };
  const h = await createHarness({
    settings: { endpoint: sim.url, apiKey: sim.apiKeys.pos, apiSecret: sim.apiKeys.posSecret },
    tuning: { ...DEFAULT_CORE_TUNING },
    deps: {
      // Not the harness's memory logger: it keeps 5 000 lines, which would be measured as growth.
      logger: createCountingLogger(),
      clock,
      socketFactory: (url, opts) => {
        socket = defaultSocketFactory(url, opts);
        const send = socket.send.bind(socket);
        // Count heartbeats without touching the core: every JSON ping goes through send().
        socket.send = ((data: unknown, ...rest: unknown[]) => {
          if (typeof data === 'string' && data.includes('"ping"')) counts.pings += 1;
          return (send as (...a: unknown[]) => void)(data, ...rest);
        }) as WebSocket['send'];
        return socket;
      },
    },
  });
  return { h, sim, clock, socket: () => socket, counts };
}

/** The simulated shift in 5-second steps: payments, the hourly faults, a sample every hour. */
async function runShift(rig: SoakRig, options: SoakOptions): Promise<{ baseline: SoakSample; samples: SoakSample[] }> {
  const log = options.log ?? (() => undefined);
  const rng = createRng(options.seed);
  const stepsPerHour = 3_600_000 / STEP_MS;
  const payEvery = Math.max(1, Math.round(((options.paymentEveryMin ?? 2) * 60_000) / STEP_MS));
  const samples: SoakSample[] = [];
  // Warm-up: the first 10 simulated minutes (JIT, caches, first reconnect) are not counted.
  let baseline: SoakSample | undefined;
  const totalSteps = options.hours * stepsPerHour;
  for (let i = 1; i <= totalSteps; i += 1) {
    rig.clock.advance(STEP_MS);
    await sleep(1);
    if (i % payEvery === 0) await payOnce(rig, TERMINALS[(i / payEvery) % TERMINALS.length]!, i);
    if (i % stepsPerHour === Math.floor(stepsPerHour / 2)) await hourlyFaults(rig, rng.pick(TERMINALS), Math.floor(i / stepsPerHour));
    if (i === Math.min(120, totalSteps)) baseline = await sample(rig, 0);
    if (i % stepsPerHour === 0) {
      const s = await sample(rig, i / stepsPerHour);
      samples.push(s);
      log(
        `hour ${s.hour}: heap ${s.heapMb.toFixed(2)} MB, handles ${s.handles}, socket listeners ${s.socketListeners}, payments ${rig.counts.payments}, reconnects ${s.reconnects}`,
      );
    }
  }
  return { baseline: baseline ?? (await sample(rig, 0)), samples };
}

/** One payment on `term` when the app shows it payable, waited for until approved. */
async function payOnce(rig: SoakRig, term: string, step: number): Promise<void> {
  const s = await rig.h.snapshot();
  if (!s.terminals.find((t) => t.id === term)?.payable) return;
  const r = await rig.h.core.invoke('startPayment', {
    terminalId: term,
    amountMinor: 100 + (step % 1000),
    currency: 'USD',
    paymentMethod: 'CARD',
    orderRef: `SOAK-${step}`,
  });
  if (!r.ok) return;
  rig.counts.payments += 1;
  const id = r.value.transactionId;
  // The error window (3 s) runs on the fake clock: advance it while the terminal answers.
  if (await settle(rig, async () => (await rig.h.snapshot()).payments.some((p) => p.transactionId === id && p.state === 'approved'))) rig.counts.approved += 1;
}

/** A server-side cut (alternately with and without a close frame), a terminal cable pulled, every 4 hours a restart. */
async function hourlyFaults(rig: SoakRig, terminal: string, hour: number): Promise<void> {
  rig.sim.control.faults.dropPosConnections({ silent: hour % 2 === 1 });
  rig.sim.control.dropTerminal(terminal, { reconnectAfterMs: 50 });
  if (hour % 4 === 3) await rig.sim.control.restart({ downMs: 100 });
}

/** Lets real sockets carry what the fake clock just scheduled. */
async function settle(rig: SoakRig, probe: () => Promise<boolean>, limitMs = 5_000): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await probe()) return true;
    // A reconnect waits on backoff timers of the fake clock: let simulated time pass slowly.
    rig.clock.advance(250);
    await sleep(2);
  }
  return false;
}

async function linkReady(rig: SoakRig): Promise<boolean> {
  const s = await rig.h.snapshot();
  return s.connection.state === 'open' && TERMINALS.every((id) => s.terminals.find((t) => t.id === id)?.payable);
}

/** Heap, handles and socket listeners after a full GC, once the link is back. */
async function sample(rig: SoakRig, hour: number): Promise<SoakSample> {
  await settle(rig, () => linkReady(rig));
  await sleep(20);
  gcNow();
  const resources = process.getActiveResourcesInfo();
  const s = await rig.h.snapshot();
  const socket = rig.socket();
  return {
    hour,
    heapMb: process.memoryUsage().heapUsed / 1e6,
    handles: resources.length,
    handlesByType: countBy(resources),
    socketListeners: socket ? socket.eventNames().reduce((n, e) => n + socket.listenerCount(e), 0) : 0,
    payments: rig.counts.payments,
    approved: rig.counts.approved,
    reconnects: s.connection.reconnectsToday,
  };
}
