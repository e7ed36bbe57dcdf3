/**
 * Simulator scale benchmark (1,000 terminal and 100 POS connections, payments end to end): one simulator process holding 1,000 terminal
 * connections and 100 POS connections on loopback, driving payments end to end.
 *
 *   npm run bench:sim            (defaults: 1000 terminals, 100 POS, 20 s of load)
 *   npm run bench:sim -- --terminals 1000 --pos 100 --seconds 20
 *
 * The simulator runs in its own process (`simulator/cli.ts`), exactly as `npm run sim` starts
 * it; this process plays 1,000 external terminals (§13.3 device protocol, answering at once) and
 * 100 POS clients, each POS keeping one payment in flight on each of its 10 terminals.
 * A benchmark, not a test: it prints figures and never fails on speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { uuidv7 } from '../shared/ids';
import type { SimulatorConfigFile } from '../simulator/api';
import { fmtMs, percentile, table } from './lib/stats';

const { values } = parseArgs({
  options: { terminals: { type: 'string' }, pos: { type: 'string' }, seconds: { type: 'string' } },
});
const TERMINALS = Number(values.terminals ?? 1000);
const POS = Number(values.pos ?? 100);
const SECONDS = Number(values.seconds ?? 20);

function open(url: string, key: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { 'x-api-key': key } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  }
  return out;
}

interface SimProcess {
  child: ChildProcess;
  url: string;
  httpUrl: string;
  dir: string;
}

/** The simulator in its own process with TERMINALS terminal keys and POS desktop keys. */
async function startSimulatorProcess(): Promise<SimProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
  const config: SimulatorConfigFile = { keys: {} };
  for (let p = 0; p < POS; p += 1) config.keys[`bench-pos-${p}`] = { role: 'desktop', groupId: `g${p}` };
  for (let t = 0; t < TERMINALS; t += 1) {
    config.keys[`bench-term-${t}`] = { role: 'terminal', groupId: `g${t % POS}`, deviceId: `T${t}`, autoConnect: false };
  }
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(config));

  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--json', '--port', '0', '--config', configPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const summary = await new Promise<{ url: string; httpUrl: string }>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolve(JSON.parse(line) as { url: string; httpUrl: string });
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { child, dir, ...summary };
}

/** TERMINALS external terminals that approve every payment at once. */
function connectTerminals(url: string): Promise<WebSocket[]> {
  return inBatches(TERMINALS, 100, async (t) => {
    const ws = await open(url, `bench-term-${t}`);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { action: string; transactionId: string; paymentRequest: { amount: string } };
      if (frame.action !== 'payment') return;
      ws.send(
        JSON.stringify({ action: 'paymentResult', paymentResponse: { transactionId: frame.transactionId, status: 'SUCCESS', authorizationCode: 'BENCH1' } }),
      );
    });
    return ws;
  });
}

/** Unloaded latency: one POS, one payment at a time, 200 times (ms each). */
async function singleLatencies(ws: WebSocket): Promise<number[]> {
  const single: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const id = uuidv7();
    const began = performance.now();
    await new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData): void => {
        const frame = JSON.parse(data.toString()) as { action?: string; paymentResponse?: { transactionId: string } };
        if (frame.action === 'paymentComplete' && frame.paymentResponse?.transactionId === id) {
          ws.off('message', onMessage);
          resolve();
        }
      };
      ws.on('message', onMessage);
      ws.send(
        JSON.stringify({
          action: 'payment',
          terminalId: 'T0',
          paymentRequest: { transactionId: id, amount: '1.00', currency: 'PHP', paymentMethod: 'CARD' },
        }),
      );
    });
    single.push(performance.now() - began);
  }
  return single;
}

interface LoadResult {
  latencies: number[];
  completed: number;
  errors: number;
  elapsed: number;
}

/** Every POS keeps one payment in flight on each of its terminals for SECONDS. */
async function underLoad(poses: WebSocket[]): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], completed: 0, errors: 0, elapsed: 0 };
  let running = true;
  const startedAt = new Map<string, number>();

  poses.forEach((ws, p) => {
    const mine = Array.from({ length: Math.ceil(TERMINALS / POS) }, (_, i) => p + i * POS).filter((t) => t < TERMINALS);
    const send = (t: number): void => {
      if (!running) return;
      const id = uuidv7();
      startedAt.set(id, performance.now());
      ws.send(
        JSON.stringify({
          action: 'payment',
          terminalId: `T${t}`,
          paymentRequest: { transactionId: id, amount: '1.00', currency: 'PHP', paymentMethod: 'CARD', metadata: { t } },
        }),
      );
    };
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { action?: string; error?: string; paymentResponse?: { transactionId: string; metadata?: { t: number } } };
      if (frame.error) {
        result.errors += 1;
        return;
      }
      if (frame.action !== 'paymentComplete' || !frame.paymentResponse) return;
      const began = startedAt.get(frame.paymentResponse.transactionId);
      startedAt.delete(frame.paymentResponse.transactionId);
      if (began !== undefined) result.latencies.push(performance.now() - began);
      result.completed += 1;
      send(frame.paymentResponse.metadata!.t);
    });
    for (const t of mine) send(t);
  });

  const loadStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  running = false;
  result.elapsed = (performance.now() - loadStart) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  return result;
}

async function main(): Promise<void> {
  const sim = await startSimulatorProcess();
  const t0 = performance.now();
  const terminals = await connectTerminals(sim.url);
  const terminalsMs = performance.now() - t0;
  const t1 = performance.now();
  const poses = await inBatches(POS, 50, (p) => open(sim.url, `bench-pos-${p}`));
  const posMs = performance.now() - t1;
  const single = await singleLatencies(poses[0]!);
  const { latencies, completed, errors, elapsed } = await underLoad(poses);

  const state = (await (await fetch(`${sim.httpUrl}/__sim/state`)).json()) as {
    terminals: { status: string }[];
    posConnections: unknown[];
    rssBytes: number;
  };
  const rate = completed / elapsed;
  const rows = [
    ['terminal connections held', `${state.terminals.filter((t) => t.status === 'online').length} (of ${TERMINALS})`],
    ['POS connections held', `${state.posConnections.length} (of ${POS})`],
    [`connect ${TERMINALS} terminals`, fmtMs(terminalsMs)],
    [`connect ${POS} POS`, fmtMs(posMs)],
    ['one payment alone, median', fmtMs(percentile(single, 50))],
    ['one payment alone, p95', fmtMs(percentile(single, 95))],
    ['payments completed', `${completed} in ${elapsed.toFixed(1)} s`],
    ['payments/s end to end', rate.toFixed(0)],
    [`under load (${TERMINALS} in flight), median`, fmtMs(percentile(latencies, 50))],
    ['under load, p95', fmtMs(percentile(latencies, 95))],
    ['under load, p99', fmtMs(percentile(latencies, 99))],
    ['error frames', String(errors)],
    ['simulator memory (RSS) after', `${(state.rssBytes / 1024 / 1024).toFixed(0)} MiB`],
    ['target 500 payments/s', `${rate >= 500 ? 'met' : 'NOT met'} (${(rate / 500).toFixed(2)}×)`],
  ];
  console.log(`\nSimulator benchmark (${TERMINALS} terminals, ${POS} POS, ${SECONDS} s, node ${process.version})`);
  console.log(table([['figure', 'value'], ...rows]));

  for (const ws of [...terminals, ...poses]) ws.terminate();
  sim.child.kill('SIGTERM');
  await new Promise((resolve) => sim.child.once('exit', resolve));
  rmSync(sim.dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
