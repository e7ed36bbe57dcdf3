import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../log/logger';
import { systemClock, type SocketOptions } from '../ports';
import { createHarness } from '../testing/harness';
import { FakeClock } from '../testing/fake-clock';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';
import { startSimulator } from '../../../simulator/index';

/** The gateway link against the real simulator: heartbeat, backoff, displacement, auth, cuts. */
let fx: SimFixture | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const c of cleanups.splice(0)) await c();
});

describe('gateway connection', () => {
  it('sends the key in the x-api-key header (never the URL) and keeps it out of the log files', async () => {
    const seen: { url: string; options: SocketOptions }[] = [];
    // The file logger the hosts give the core (compose.ts), masking the current key as they do.
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkstand-logs-'));
    cleanups.push(async () => fs.rmSync(logDir, { recursive: true, force: true }));
    const logger = createFileLogger({ dir: logDir, clock: systemClock, secrets: () => (fx ? [fx.sim.apiKeys.pos] : []) });
    fx = await startFixture({
      settings: { groupId: 'group-1' },
      deps: { logger, socketFactory: (url, options) => (seen.push({ url, options }), new WebSocket(url, options)) },
    });
    expect(seen[0]!.url).not.toContain(fx.sim.apiKeys.pos);
    expect(seen[0]!.options.headers).toEqual({ 'x-api-key': fx.sim.apiKeys.pos, 'x-group-id': 'group-1' });
    expect(seen[0]!.options.maxPayload).toBeGreaterThan(0);
    await payOk(fx.h, 'TERM-001', 'LOG-1');
    await fx.h.waitFor((s) => s.payments.find((p) => p.state === 'approved'));
    const text = fs
      .readdirSync(logDir)
      .map((f) => fs.readFileSync(path.join(logDir, f), 'utf8'))
      .join('');
    expect(text).toContain('frame.in');
    expect(text).not.toContain(fx.sim.apiKeys.pos);
  });

  it('the x-group-id header reaches the gateway on the upgrade request (seen by the simulator, real socket factory)', async () => {
    fx = await startFixture({ settings: { groupId: 'group-1' } });
    const opens = fx.sim.control.log().filter((e) => e.dir === 'event' && e.role === 'desktop' && (e.frame as { event?: string }).event === 'open');
    expect(opens.map((e) => (e.frame as { groupHeader?: string }).groupHeader)).toEqual(['group-1']);
  });

  it('refuses plain ws:// to another machine with a clear reason, and shows "No gateway configured" without settings', async () => {
    const h = await createHarness({ settings: { endpoint: 'ws://gateway.example/v1', apiKey: 'k-1234567' } });
    cleanups.push(() => h.dispose());
    expect((await h.snapshot()).connection).toMatchObject({ state: 'idle', reason: expect.stringMatching(/wss:\/\//) });
    h.settings.set({ endpoint: '' });
    await h.waitFor((s) => s.connection.reason === 'No gateway configured');
  });

  it('detects a silent drop by the pong timeout and reconnects by itself', async () => {
    fx = await startFixture({ tuning: { pingIntervalMs: 200, pongTimeoutMs: 200 } });
    fx.sim.control.faults.ignorePings(true);
    await fx.h.waitFor(() => fx!.h.logger.lines.find((l) => l.event === 'connection.dead'));
    fx.sim.control.faults.ignorePings(false);
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.connection.reconnectsToday >= 1 && s.terminals.some((t) => t.payable));
  });

  it('checkNow pings at once: a healthy link stays open, a dead one is dropped within the short deadline', async () => {
    fx = await startFixture({ tuning: { pingIntervalMs: 60_000, pongTimeoutMs: 60_000, checkNowTimeoutMs: 200 } });
    fx.h.core.checkNow();
    await fx.h.waitFor((s) => s.connection.lastPongRttMs !== undefined);
    expect((await fx.h.snapshot()).connection.state).toBe('open');
    fx.sim.control.faults.ignorePings(true);
    fx.h.core.checkNow();
    await fx.h.waitFor(() => fx!.h.logger.lines.find((l) => l.event === 'connection.dead' && l.reason === 'no pong after checkNow'));
    fx.sim.control.faults.ignorePings(false);
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.connection.reconnectsToday === 1);
  });

  it('absorbs a server-side 2-hour lifetime cut and an idle cut: open again, terminals payable, payments work', async () => {
    fx = await startFixture({ sim: { maxConnectionLifetimeMs: 400 } });
    await fx.h.waitFor((s) => s.connection.reconnectsToday >= 2 && s.connection.state === 'open' && s.terminals.some((t) => t.payable));
    fx.sim.control.setConfig({ maxConnectionLifetimeMs: 0, idleTimeoutMs: 300 });
    await fx.h.waitFor((s) => s.connection.reconnectsToday >= 3 && s.connection.state === 'open');
    fx.sim.control.setConfig({ idleTimeoutMs: 0 });
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.terminals.some((t) => t.id === 'TERM-001' && t.payable));
    const id = await payOk(fx.h, 'TERM-001', 'CUT-1');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
  });

  it('a refused key goes to auth_failed with no tight loop; a corrected key connects', async () => {
    // FakeClock: "no tight loop" is checked up to the auth retry interval of the core's own time.
    const clock = new FakeClock(Date.now());
    fx = await startFixture({ settings: { apiKey: 'not-a-valid-key' }, waitForTerminals: false, deps: { clock }, tuning: { authRetryMs: 60_000 } });
    await fx.h.waitFor((s) => s.connection.state === 'auth_failed');
    expect((await fx.h.snapshot()).connection.reason).toMatch(/API key/);
    const attempts = () => fx!.h.logger.lines.filter((l) => l.event === 'connection.state' && l.to === 'connecting').length;
    clock.advance(59_999);
    expect(attempts()).toBe(1);
    clock.advance(1);
    expect(attempts()).toBe(2);
    await fx.h.waitFor((s) => s.connection.state === 'auth_failed');
    fx.h.settings.set({ apiKey: fx.sim.apiKeys.pos });
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.terminals.some((t) => t.payable));
  });

  it('survives a gateway restart', async () => {
    fx = await startFixture();
    await fx.sim.control.restart({ downMs: 300 });
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.connection.reconnectsToday >= 1 && s.terminals.some((t) => t.payable));
  });

  it('backoff timings with an injected clock: full jitter under 250 ms · 2^n, reset after 60 s healthy', async () => {
    const sim = await startSimulator({ defaultDelayMs: 50 });
    cleanups.push(() => sim.close());
    const clock = new FakeClock(Date.now());
    let rnd = 0.5;
    const h = await createHarness({
      settings: { endpoint: sim.url, apiKey: sim.apiKeys.pos },
      tuning: { pingIntervalMs: 3_600_000, pongTimeoutMs: 3_600_000, backoffBaseMs: 250, backoffCapMs: 30_000, healthyResetMs: 60_000, random: () => rnd },
      deps: { clock },
    });
    cleanups.push(() => h.dispose());
    const delays: number[] = [];
    const dropAndMeasure = async () => {
      sim.control.faults.dropPosConnections({ silent: false });
      const c = await h.waitFor((s) => s.connection.state === 'backoff' && s.connection);
      delays.push(c.nextRetryAt! - clock.now());
      clock.advance(c.nextRetryAt! - clock.now());
      await h.waitFor((s) => s.connection.state === 'open');
    };
    await h.waitFor((s) => s.connection.state === 'open');
    await dropAndMeasure();
    await dropAndMeasure();
    await dropAndMeasure();
    expect(delays).toEqual([125, 250, 500]); // 0.5 × 250 · 2^n
    rnd = 0.999;
    clock.advance(60_000); // healthy for a minute: the next retry is fast again
    await dropAndMeasure();
    expect(delays[3]).toBe(249);
    rnd = 0.999;
    for (let i = 0; i < 10; i += 1) await dropAndMeasure();
    expect(Math.max(...delays)).toBeLessThanOrEqual(30_000);
    expect(delays.at(-1)).toBe(29_970);
  });

  it('ignores frames from an abandoned socket (a late forceDisconnect) and survives garbage on the current one', async () => {
    const sockets: WebSocket[] = [];
    fx = await startFixture({
      deps: {
        socketFactory: (url, options) => {
          const ws = new WebSocket(url, options);
          sockets.push(ws);
          return ws;
        },
      },
    });
    const current = sockets.at(-1)!;
    // Garbage and unknown actions on the live socket: logged and ignored, never thrown.
    for (const text of ['not json', '{"action":"selfDestruct"}', '{"action":"paymentComplete"}', '[]']) current.emit('message', Buffer.from(text), false);
    expect(fx.h.logger.lines.filter((l) => l.event === 'frame.invalid')).toHaveLength(4);
    expect((await fx.h.snapshot()).connection.state).toBe('open');
    // Reconnect: the old socket is forgotten first; a forceDisconnect arriving on it changes nothing.
    await fx.h.core.invoke('reconnectNow', {});
    await fx.h.waitFor((s) => s.connection.state === 'open' && sockets.length === 2 && s.terminals.some((t) => t.payable));
    // emit() runs the handler synchronously: whatever it would do is done when it returns.
    sockets[0]!.emit('message', Buffer.from(JSON.stringify({ action: 'forceDisconnect', reason: 'New connection established with the same API key' })), false);
    expect((await fx.h.snapshot()).connection.state).toBe('open');
    const id = await payOk(fx.h, 'TERM-001', 'ABANDONED-SOCKET');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
  });
});
