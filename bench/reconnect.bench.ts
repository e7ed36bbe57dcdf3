/**
 * Reconnect benchmark: time from a server-side drop to open-and-resynced.
 * In one run, side by side, each client on its own simulator:
 *   - Checkstand's GatewayConnection with its shipped defaults (full-jitter backoff, 250 ms base)
 *   - partysocket's ReconnectingWebSocket with its defaults (ws under Node)
 *   - the vendor sample's client: reconnect after a fixed 5 s
 * "Resynced" = the `terminalsResponse` to the `getTerminals` sent on open has arrived.
 * Each trial uses a fresh client that has been open and resynced, then the server drops it.
 * Then: dead-link detection after a silent drop (server stops answering pings) and after checkNow.
 *
 *   npx tsx bench/reconnect.bench.ts          (BENCH_TRIALS=10 peers, BENCH_OURS=50, BENCH_DEAD=8)
 */
import WebSocket from 'ws';
import ReconnectingWebSocket from 'partysocket/ws';
import { startSimulator } from '../simulator/index';
import type { SimulatorHandle } from '../simulator/api';
import { GatewayConnection } from '../electron/core/connection/gateway-connection';
import { connectionTuning, DEFAULT_CORE_TUNING } from '../electron/core/core-tuning';
import { createMemoryLogger } from '../electron/core/log/logger';
import { systemClock } from '../electron/core/ports';
import { envInt, fmtMs, median, p95, sleep, table } from './lib/stats';

/** The production timings (vendor §8 and ours), from the one place that defines them. */
const DEFAULT_CONNECTION_TUNING = connectionTuning(DEFAULT_CORE_TUNING);

type Client = { waitResynced(): Promise<void>; close(): void };
type ClientFactory = (sim: SimulatorHandle, onResynced: () => void) => Client;

function deferredCounter() {
  let count = 0;
  let waiters: { n: number; resolve: () => void }[] = [];
  return {
    bump() {
      count += 1;
      waiters = waiters.filter((w) => (w.n <= count ? (w.resolve(), false) : true));
    },
    wait(n: number) {
      return n <= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }));
    },
    get count() {
      return count;
    },
  };
}

const isTerminalsResponse = (data: unknown) => {
  try {
    return JSON.parse(String(data)).action === 'terminalsResponse';
  } catch {
    return false;
  }
};

const checkstand: ClientFactory = (sim, onResynced) => {
  const conn = new GatewayConnection(systemClock, DEFAULT_CONNECTION_TUNING, createMemoryLogger());
  conn.on((e) => {
    if (e.type === 'frame' && e.frame.action === 'terminalsResponse') onResynced();
  });
  conn.configure({ endpoint: sim.url, apiKey: sim.apiKeys.pos });
  return { waitResynced: async () => undefined, close: () => conn.stop() };
};

const partysocket: ClientFactory = (sim, onResynced) => {
  // partysocket takes a WebSocket class; under Node the `ws` class, with the key in a header.
  class HeaderWs extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-api-key': sim.apiKeys.pos } });
    }
  }
  const rws = new ReconnectingWebSocket(sim.url, [], { WebSocket: HeaderWs });
  rws.addEventListener('open', () => rws.send(JSON.stringify({ action: 'getTerminals' })));
  rws.addEventListener('message', (e: { data: unknown }) => {
    if (isTerminalsResponse(e.data)) onResynced();
  });
  return { waitResynced: async () => undefined, close: () => rws.close() };
};

const vendorSample: ClientFactory = (sim, onResynced) => {
  let stopped = false;
  let ws: WebSocket | undefined;
  let timer: NodeJS.Timeout | undefined;
  const connect = () => {
    ws = new WebSocket(sim.url, { headers: { 'x-api-key': sim.apiKeys.pos } });
    ws.on('open', () => ws!.send(JSON.stringify({ action: 'getTerminals' })));
    ws.on('message', (d) => {
      if (isTerminalsResponse(d)) onResynced();
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (!stopped) timer = setTimeout(connect, 5_000); // the vendor sample's fixed delay
    });
  };
  connect();
  return {
    waitResynced: async () => undefined,
    close: () => {
      stopped = true;
      clearTimeout(timer);
      ws?.close();
    },
  };
};

async function measureReconnect(name: string, factory: ClientFactory, trials: number): Promise<{ name: string; samples: number[] }> {
  const sim = await startSimulator({ defaultDelayMs: 50 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < trials; i += 1) {
      const resyncs = deferredCounter();
      const client = factory(sim, () => resyncs.bump());
      await resyncs.wait(1);
      await sleep(50 + Math.random() * 100);
      const t0 = performance.now();
      sim.control.faults.dropPosConnections({ silent: false });
      await resyncs.wait(2);
      samples.push(performance.now() - t0);
      client.close();
      await sleep(30);
    }
  } finally {
    await sim.close();
  }
  return { name, samples };
}

/** Trials run in parallel, each on its own simulator (ignorePings is per simulator). */
async function measureDeadLink(trials: number, mode: 'silent' | 'checkNow'): Promise<number[]> {
  const runs = await Promise.all(Array.from({ length: trials }, () => deadLinkTrial(mode)));
  return runs.flat();
}

async function deadLinkTrial(mode: 'silent' | 'checkNow'): Promise<number[]> {
  const sim = await startSimulator({ defaultDelayMs: 50 });
  const out: number[] = [];
  try {
    for (let i = 0; i < 1; i += 1) {
      const logger = createMemoryLogger();
      const conn = new GatewayConnection(systemClock, DEFAULT_CONNECTION_TUNING, logger);
      const opened = deferredCounter();
      const dead = deferredCounter();
      conn.on((e) => {
        if (e.type === 'open') opened.bump();
        if (e.type === 'down') dead.bump();
      });
      conn.configure({ endpoint: sim.url, apiKey: sim.apiKeys.pos });
      await opened.wait(1);
      // A silent drop lands at a random point of the 30 s ping cycle.
      if (mode === 'silent') await sleep(Math.random() * DEFAULT_CONNECTION_TUNING.pingIntervalMs);
      sim.control.faults.ignorePings(true);
      const t0 = performance.now();
      if (mode === 'checkNow') conn.checkNow();
      await dead.wait(1);
      out.push(performance.now() - t0);
      sim.control.faults.ignorePings(false);
      conn.stop();
    }
  } finally {
    await sim.close();
  }
  return out;
}

async function main(): Promise<void> {
  const peerTrials = envInt('BENCH_TRIALS', 10);
  const ourTrials = envInt('BENCH_OURS', 50);
  const deadTrials = envInt('BENCH_DEAD', 8);
  console.log(`Reconnect after a server-side drop → open and resynced (terminalsResponse). Trials: ours ${ourTrials}, peers ${peerTrials}.`);
  const results = await Promise.all([
    measureReconnect('checkstand (full jitter, 250 ms base)', checkstand, ourTrials),
    measureReconnect('partysocket 1.3 defaults', partysocket, peerTrials),
    measureReconnect('vendor sample (fixed 5 s)', vendorSample, peerTrials),
  ]);
  const ours = results[0]!;
  const bestPeer = Math.min(...results.slice(1).map((r) => median(r.samples)));
  console.log(
    table([
      ['client', 'median', 'p95', 'median vs ours'],
      ...results.map((r) => [r.name, fmtMs(median(r.samples)), fmtMs(p95(r.samples)), `${(median(r.samples) / median(ours.samples)).toFixed(1)}×`]),
    ]),
  );
  console.log(`Checkstand is ${(bestPeer / median(ours.samples)).toFixed(1)}× faster than the best peer (median; target ≥ 5×).`);

  console.log(`\nDead-link detection with the vendor timings (ping 30 s, pong deadline 10 s, checkNow deadline 3 s):`);
  const [silent, check] = await Promise.all([measureDeadLink(deadTrials, 'silent'), measureDeadLink(Math.max(5, deadTrials), 'checkNow')]);
  console.log(
    table([
      ['trigger', 'median', 'p95', 'trials'],
      ['silent drop (server stops answering)', fmtMs(median(silent)), fmtMs(p95(silent)), silent.length],
      ['checkNow() after the drop', fmtMs(median(check)), fmtMs(p95(check)), check.length],
    ]),
  );
  console.log('(partysocket has no heartbeat: a silent drop is never detected by it; the vendor sample uses the same 30 s / 10 s rule.)');
}

await main();
process.exit(0);
