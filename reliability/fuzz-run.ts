import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { FakeClock } from '../electron/core/testing/fake-clock';
import { createHarness } from '../electron/core/testing/harness';
import { startBrowserHost } from '../electron/host/web/start-host';
import { BRIDGE_PATH } from '../shared/ipc';
import { createCountingLogger } from './counting-logger';
import { BRIDGE_KINDS, FRAME_KINDS, fuzzBridgeMessage, fuzzFrame, type BridgeKind, type FrameKind } from './fuzz-inputs';
import { createRng } from './rng';

/**
 * The fuzz runs: malformed gateway frames and IPC messages are rejected and logged, never a crash.
 *  - Frames: a fake gateway on 127.0.0.1 (a plain `ws` server) accepts the real core's connection,
 *    answers its pings, and sends it N malformed frames over the real socket. Each must be
 *    rejected with exactly one `frame.invalid` log line, with no uncaught exception, and the
 *    link must stay up on the same socket.
 *  - Bridge: the real browser host (startBrowserHost, demo mode) gets N malformed messages on its
 *    token-guarded WebSocket bridge. Each must be rejected with exactly one log line
 *    (browser_host.bad_message | bridge.unknown_command | bridge.invalid_request), every envelope
 *    with a usable id gets an `invalid_request` answer, and nothing is ever accepted.
 */
export interface FuzzReport {
  target: 'core-frames' | 'bridge';
  seed: number;
  inputs: number;
  byKind: Record<string, number>;
  rejectionLogLines: number;
  /** Uncaught exceptions / unhandled rejections while the inputs were processed. */
  crashes: number;
  crashMessages: string[];
  /** Bridge: answers that were not `invalid_request`, and answers missing. Frames: reconnects. */
  accepted: number;
  missingAnswers: number;
  reconnects: number;
  wallMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Uncaught exceptions are counted (not fatal) while a fuzz run is in progress. */
function trapCrashes(): { count(): number; messages: string[]; release(): void } {
  const messages: string[] = [];
  const onError = (err: unknown) => {
    messages.push(String(err instanceof Error ? err.message : err).slice(0, 200));
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    count: () => messages.length,
    messages,
    release() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}

async function waitUntil(probe: () => boolean, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (probe()) return true;
    await sleep(5);
  }
  return probe();
}

export async function runFrameFuzz(options: { frames: number; seed: number; kinds?: readonly FrameKind[]; batch?: number }): Promise<FuzzReport> {
  const started = Date.now();
  const rng = createRng(options.seed);
  const kinds = options.kinds ?? FRAME_KINDS;
  const logger = createCountingLogger();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as { port: number }).port;
  let connections = 0;
  let gateway: WebSocket | undefined;
  // Only this run's core counts: under a parallel test run another test's core in backoff may
  // retry a port that has since been given to this server (found as a stray "reconnect").
  const apiKey = `fuzz-key-${process.pid}-${options.seed}-${Date.now()}`;
  wss.on('connection', (ws, req) => {
    if (req.headers['x-api-key'] !== apiKey) {
      ws.close(1008, 'not this run');
      return;
    }
    connections += 1;
    gateway = ws;
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.includes('"ping"')) ws.send('{"action":"pong"}');
      else if (text.includes('"getTerminals"')) ws.send('{"action":"terminalsResponse","terminals":[]}');
    });
  });
  const crashes = trapCrashes();
  // The core's clock is a FakeClock that never advances: no ping deadline can expire while a
  // loaded machine works through a batch, so "the link stays up" (reconnects 0) judges only what
  // the frames did to it, never how fast this machine answered a ping.
  const h = await createHarness({ settings: { endpoint: `ws://127.0.0.1:${port}/v1`, apiKey }, deps: { logger, clock: new FakeClock(Date.now()) } });
  const byKind: Record<string, number> = {};
  try {
    await h.waitFor((s) => s.connection.state === 'open');
    // The answer to the core's own getTerminals is the one frame it accepts: wait for it, so it
    // is counted before the fuzz starts and never taken for an accepted fuzz frame.
    await waitUntil(() => logger.count('frame.in') >= 1, 10_000);
    const batch = options.batch ?? 1_000;
    const acceptedBefore = logger.count('frame.in', 'frame.error');
    let sent = 0;
    while (sent < options.frames) {
      const n = Math.min(batch, options.frames - sent);
      for (let i = 0; i < n; i += 1) {
        const f = fuzzFrame(rng, rng.pick(kinds));
        byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
        gateway!.send(f.data, { binary: Buffer.isBuffer(f.data) });
      }
      sent += n;
      // Every frame ends in a rejection line or (a bug) an uncaught exception.
      const caughtUp = await waitUntil(() => logger.count('frame.invalid') + crashes.count() >= sent, 30_000);
      if (!caughtUp) break;
    }
    const snap = await h.snapshot();
    if (snap.connection.state !== 'open') connections += 1000; // counted as a reconnect below: the link must stay up
    return {
      target: 'core-frames',
      seed: options.seed,
      inputs: sent,
      byKind,
      rejectionLogLines: logger.count('frame.invalid'),
      crashes: crashes.count(),
      crashMessages: [...new Set(crashes.messages)],
      accepted: logger.count('frame.in', 'frame.error') - acceptedBefore,
      missingAnswers: 0,
      reconnects: Math.max(snap.connection.reconnectsToday, connections - 1),
      wallMs: Date.now() - started,
    };
  } finally {
    await h.dispose();
    crashes.release();
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

export async function runBridgeFuzz(options: { messages: number; seed: number; kinds?: readonly BridgeKind[]; batch?: number }): Promise<FuzzReport> {
  const started = Date.now();
  const rng = createRng(options.seed);
  const kinds = options.kinds ?? BRIDGE_KINDS;
  const logger = createCountingLogger();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-fuzz-host-'));
  fs.writeFileSync(path.join(dataDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  const crashes = trapCrashes();
  const host = await startBrowserHost({ dataDir, rendererDir: dataDir, env: {}, logger, token: 'fuzz-token-0123456789', simulator: { defaultDelayMs: 5 } });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${BRIDGE_PATH}?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  const answers = new Map<number, unknown>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
    if (msg.type === 'result' && typeof msg.id === 'number') answers.set(msg.id, msg.result);
  });
  const byKind: Record<string, number> = {};
  const rejections = () => logger.count('browser_host.bad_message', 'bridge.unknown_command', 'bridge.invalid_request');
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const expectAnswer: number[] = [];
    const batch = options.batch ?? 500;
    let sent = 0;
    while (sent < options.messages) {
      const n = Math.min(batch, options.messages - sent);
      for (let i = 0; i < n; i += 1) {
        const m = fuzzBridgeMessage(rng, 1_000_000 + sent + i, rng.pick(kinds));
        byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
        if (m.answerId !== undefined) expectAnswer.push(m.answerId);
        ws.send(m.data, { binary: Buffer.isBuffer(m.data) });
      }
      sent += n;
      await waitUntil(() => rejections() + crashes.count() >= sent && expectAnswer.every((id) => answers.has(id)), 30_000);
    }
    const accepted = [...answers.values()].filter(
      (r) => !(r as { ok?: boolean; error?: { code?: string } }).error || (r as { error: { code: string } }).error.code !== 'invalid_request',
    ).length;
    return {
      target: 'bridge',
      seed: options.seed,
      inputs: sent,
      byKind,
      rejectionLogLines: rejections(),
      crashes: crashes.count(),
      crashMessages: [...new Set(crashes.messages)],
      accepted,
      missingAnswers: expectAnswer.filter((id) => !answers.has(id)).length,
      reconnects: 0,
      wallMs: Date.now() - started,
    };
  } finally {
    ws.terminate();
    await host.close();
    crashes.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
