import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { isLoopback } from './control-api';
import { startSimulator } from './index';
import { paymentFrame, TestPos, until } from './testing/pos-client';

/** §13.5 control API under /__sim and the control page, over real HTTP. */
describe('control API', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;

  beforeEach(async () => {
    sim = await startSimulator({ defaultDelayMs: 20, gracePeriodMs: 5_000 });
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  });
  afterEach(async () => {
    await pos.close();
    await sim.close();
  });

  // The control API's JSON is read loosely here; its shapes are asserted field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
    const res = await fetch(`${sim.httpUrl}/__sim/${path}`, {
      method,
      // The control API takes JSON only (control-guard.ts), with or without a body.
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' } } : {}),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  it('GET /__sim/ serves the control page', async () => {
    const page = await call('GET', '');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Checkstand gateway simulator</title>');
    expect(page.text).toContain('Terminal loses connection');
  });

  it('GET state / terminals / transactions / log', async () => {
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await pos.action('paymentComplete');
    const state = await call('GET', 'state');
    expect(state.json.terminals).toHaveLength(5);
    expect(state.json.terminals[0].screen.text).toBeDefined();
    expect(state.json.config.gracePeriodMs).toBe(5_000);
    expect((await call('GET', 'terminals')).json).toHaveLength(5);
    const txs = (await call('GET', 'transactions')).json;
    expect(txs).toHaveLength(1);
    expect(txs[0].status).toBe('COMPLETED');
    const log = await call('GET', 'log');
    expect(log.json.some((e: { dir: string }) => e.dir === 'in')).toBe(true);
    expect(log.json.some((e: { dir: string }) => e.dir === 'out')).toBe(true);
    // Keys are redacted in the log.
    expect(log.text).not.toContain(sim.apiKeys.pos);
    expect(log.text).not.toContain('sim-term-key-001');
  });

  it('POST /terminals connects a new virtual terminal; the POS gets a connected push', async () => {
    const added = await call('POST', 'terminals', { deviceId: 'TERM-777', groupId: 'group-1', metadata: { label: 'Pop-up' } });
    expect(added.json.id).toBe('TERM-777');
    const push = await pos.action('terminalStatusUpdate');
    expect(push).toMatchObject({ terminalId: 'TERM-777', status: 'connected' });
    expect((await call('POST', 'terminals', { deviceId: 'TERM-777' })).status).toBe(409);
  });

  it('POST drop / reconnect pulls the cable and plugs it back', async () => {
    expect((await call('POST', 'terminals/TERM-002/drop', {})).status).toBe(200);
    expect((await pos.action('terminalStatusUpdate')).status).toBe('reconnecting');
    expect((await call('POST', 'terminals/TERM-002/reconnect', { afterMs: 10 })).status).toBe(200);
    expect((await pos.action('terminalStatusUpdate')).status).toBe('connected');
  });

  it('POST script sets the next payment outcome', async () => {
    await call('POST', 'terminals/TERM-001/script', { outcome: 'FAILED', errorCode: 'EXPIRED_CARD', errorMessage: 'Card expired' });
    pos.send(paymentFrame('TERM-001', uuidv7()));
    expect((await pos.action('paymentComplete')).paymentResponse).toMatchObject({ status: 'FAILED', errorCode: 'EXPIRED_CARD' });
    pos.send(paymentFrame('TERM-001', uuidv7()));
    expect((await pos.action('paymentComplete')).paymentResponse.status).toBe('SUCCESS');
  });

  it('manual mode (sticky MANUAL) waits for resolve; resolve answers; nothing waiting → 409', async () => {
    await call('POST', 'terminals/TERM-003/script', { outcome: 'MANUAL', sticky: true });
    expect((await call('POST', 'terminals/TERM-003/resolve', { outcome: 'SUCCESS' })).status).toBe(409);
    for (const outcome of ['FAILED', 'SUCCESS'] as const) {
      pos.send(paymentFrame('TERM-003', uuidv7()));
      await until(() => sim.control.terminals().find((t) => t.id === 'TERM-003')?.screen?.state === 'waiting');
      const r = await call('POST', 'terminals/TERM-003/resolve', { outcome, errorCode: 'DO_NOT_HONOR', errorMessage: 'Do not honor' });
      expect(r.status).toBe(200);
      expect((await pos.action('paymentComplete')).paymentResponse.status).toBe(outcome);
    }
    expect(sim.control.terminals().find((t) => t.id === 'TERM-003')?.manual).toBe(true);
    await call('POST', 'terminals/TERM-003/script', { outcome: 'SUCCESS', sticky: false });
    expect(sim.control.terminals().find((t) => t.id === 'TERM-003')?.manual).toBe(false);
  });

  it('POST config changes the grace period and duplicateNext', async () => {
    const r = await call('POST', 'config', { gracePeriodMs: 50, duplicateNext: true });
    expect(r.json.config.gracePeriodMs).toBe(50);
    await call('POST', 'terminals/TERM-001/drop', {});
    await pos.action('terminalStatusUpdate');
    await pos.action('terminalStatusUpdate'); // the duplicate
    expect((await pos.action('terminalStatusUpdate')).status).toBe('disconnected');
  });

  it("POST config skews the gateway clock and sends the quick start's terminal list (no timestamps)", async () => {
    const r = await call('POST', 'config', { clockSkewMs: -300_000, terminalListTimestamps: false });
    expect(r.json.config).toMatchObject({ clockSkewMs: -300_000, terminalListTimestamps: false });
    pos.send({ action: 'getTerminals' });
    const list = await pos.action('terminalsResponse');
    expect(list.timestamp).toBeUndefined();
    expect(list.terminals).toContainEqual({ deviceId: 'TERM-001', status: 'online' });
    const before = Date.now();
    await call('POST', 'terminals/TERM-001/drop', {});
    const push = await pos.action('terminalStatusUpdate');
    // Five minutes behind the machine's clock (with a second's slack for the round trip).
    expect(Date.parse(push.timestamp!) - before).toBeGreaterThan(-301_000);
    expect(Date.parse(push.timestamp!) - before).toBeLessThan(-299_000);
    expect((await call('POST', 'config', { clockSkewMs: 'ahead' })).status).toBe(400);
  });

  it('POST faults dropOnNextPayment: the reconnecting push, then the refusal; the terminal comes back', async () => {
    expect((await call('POST', 'faults', { dropOnNextPayment: 'NOPE' })).status).toBe(404);
    expect((await call('POST', 'faults', { dropOnNextPayment: 'TERM-002' })).json.faults.dropOnNextPayment).toEqual(['TERM-002']);
    pos.send(paymentFrame('TERM-002', uuidv7()));
    expect(await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate')).toMatchObject({
      frame: { terminalId: 'TERM-002', status: 'reconnecting' },
    });
    expect(await pos.error()).toEqual({ error: 'Not Found', message: 'Terminal connection not found' });
    expect((await pos.action('terminalStatusUpdate')).status).toBe('connected');
    expect(sim.control.transactions()).toEqual([]);
    expect((await call('GET', 'state')).json.faults.dropOnNextPayment).toEqual([]);
  });

  it('POST faults switches ignorePings and drops POS connections', async () => {
    expect((await call('POST', 'faults', { ignorePings: true })).json.faults.ignorePings).toBe(true);
    await call('POST', 'faults', { ignorePings: false, dropPosConnections: 'close' });
    await pos.closed;
    expect(pos.closeCode).toBe(1001);
  });

  it('POST displace triggers forceDisconnect; POST restart restarts', async () => {
    await call('POST', 'displace', {});
    expect((await pos.action('forceDisconnect')).action).toBe('forceDisconnect');
    await pos.closed;
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    expect((await call('POST', 'restart', { downMs: 50 })).status).toBe(200);
    await pos.closed;
    expect(pos.closeCode).toBe(1012);
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  });

  it('bad input gets a clear 4xx and changes nothing', async () => {
    expect((await call('POST', 'terminals/TERM-001/script', { outcome: 'MAYBE' })).status).toBe(400);
    expect((await call('POST', 'terminals/TERM-001/script', '{oops')).status).toBe(400);
    expect((await call('POST', 'config', { gracePeriodMs: -1 })).status).toBe(400);
    expect((await call('POST', 'terminals/NOPE/drop', {})).status).toBe(404);
    expect((await call('GET', 'nothing-here')).status).toBe(404);
    expect((await call('POST', 'faults', { unknownSwitch: true })).status).toBe(400);
    expect(sim.control.terminals().every((t) => t.status === 'online')).toBe(true);
  });
});

describe('control API is loopback only', () => {
  it('isLoopback accepts 127.x and ::1 only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.0.2.2')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  // Needs a non-loopback interface to connect from; containers without one cannot run it.
  it.skipIf(!external)('a request from a non-loopback address gets 403 while the WebSocket endpoint still works', async () => {
    const sim = await startSimulator({ host: '0.0.0.0', defaultDelayMs: 10 });
    try {
      const res = await fetch(`http://${external}:${sim.port}/__sim/state`);
      expect(res.status).toBe(403);
      const ok = await fetch(`http://127.0.0.1:${sim.port}/__sim/state`);
      expect(ok.status).toBe(200);
      const pos = await TestPos.connect(`ws://${external}:${sim.port}/v1`, sim.apiKeys.pos);
      await pos.sync();
      await pos.close();
    } finally {
      await sim.close();
    }
  });
});
