import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { sleep, TestPos } from './testing/pos-client';

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const u = new URL(url.replace('ws://', 'http://'));
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname,
      port: u.port,
      path: u.pathname + u.search,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** §3: connecting, auth at the upgrade, single connection per key, getTerminals, ping. */
describe('connections', () => {
  let sim: SimulatorHandle;
  const open: TestPos[] = [];
  const connect = async (...args: Parameters<typeof TestPos.connect>): Promise<TestPos> => {
    const pos = await TestPos.connect(...args);
    open.push(pos);
    return pos;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close()));
    await sim?.close();
  });

  it('accepts the key as header or as ?x-api-key= query, and an optional x-group-id', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    const viaHeader = await connect(sim.url, sim.apiKeys.pos, { headers: { 'x-group-id': 'group-1' } });
    await viaHeader.sync();
    await viaHeader.close();
    const viaQuery = await connect(sim.url, sim.apiKeys.pos, { via: 'query' });
    await viaQuery.sync();
  });

  it('refuses a missing or unknown key with HTTP 401 at the upgrade', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    expect(await upgradeStatus(sim.url, {})).toBe(401);
    expect(await upgradeStatus(sim.url, { 'x-api-key': 'wrong' })).toBe(401);
    expect(await upgradeStatus(`${sim.url}?x-api-key=wrong`, {})).toBe(401);
    expect(await upgradeStatus(sim.url.replace('/v1', '/v2'), { 'x-api-key': sim.apiKeys.pos })).toBe(404);
    await expect(TestPos.connect(sim.url, 'nope')).rejects.toThrow('HTTP 401');
    expect(await upgradeStatus(sim.url, { 'x-api-key': sim.apiKeys.pos })).toBe(101);
  });

  it('getTerminals lists the four group-1 terminals with the §6.1 fields; group-2 sees only its own', async () => {
    sim = await startSimulator({
      defaultDelayMs: 10,
      config: {
        keys: {
          'pos-a': { role: 'desktop', groupId: 'group-1', apiSecret: 's-a' },
          'pos-b': { role: 'desktop', groupId: 'group-2' },
          t1: { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-001', metadata: { label: 'Lane 1' } },
          t2: { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-002' },
          t3: { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-003' },
          t4: { role: 'terminal', groupId: 'group-1' },
          t9: { role: 'terminal', groupId: 'group-2', deviceId: 'TERM-901' },
        },
      },
    });
    const a = await connect(sim.url, 'pos-a');
    a.send({ action: 'getTerminals' });
    const list = await a.action('terminalsResponse');
    expect(list.timestamp).toBeDefined();
    expect(list.terminals).toHaveLength(4);
    expect(list.terminals.map((t) => t.deviceId).sort()).toEqual(['TERM-001', 'TERM-002', 'TERM-003', undefined]);
    for (const t of list.terminals) {
      expect(t.status).toBe('online');
      expect(t.connectionId).toBeTruthy();
      expect(t.connectedAt).toBeTruthy();
      expect(t.lastActivity).toBeTruthy();
      expect(t.metadata).toBeDefined();
    }
    expect(list.terminals.find((t) => t.deviceId === 'TERM-001')?.metadata).toEqual({ label: 'Lane 1' });
    const b = await connect(sim.url, 'pos-b');
    b.send({ action: 'getTerminals' });
    expect((await b.action('terminalsResponse')).terminals.map((t) => t.deviceId)).toEqual(['TERM-901']);
  });

  it('the default registry: one POS key with secret, 3 deviceId terminals + 1 without in group-1, TERM-901 in group-2', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    expect(sim.apiKeys.pos).toBe('sim-pos-key-0001');
    expect(sim.apiKeys.posSecret).toBe('sim-pos-secret-0001');
    const terms = sim.control.terminals();
    expect(
      terms
        .filter((t) => t.groupId === 'group-1')
        .map((t) => t.deviceId ?? null)
        .sort(),
    ).toEqual(['TERM-001', 'TERM-002', 'TERM-003', null]);
    expect(terms.filter((t) => t.groupId === 'group-2').map((t) => t.deviceId)).toEqual(['TERM-901']);
    expect(terms.every((t) => t.status === 'online' && t.virtual)).toBe(true);
    expect(sim.url).toBe(`ws://127.0.0.1:${sim.port}/v1`);
  });

  it('ping → pong with a timestamp', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    const pos = await connect(sim.url, sim.apiKeys.pos);
    pos.send({ action: 'ping' });
    const pong = await pos.action('pong');
    expect(Number.isNaN(Date.parse(pong.timestamp ?? ''))).toBe(false);
  });

  it('control.displace() opens a second connection with the key: the first gets forceDisconnect and close 4000', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    const pos = await connect(sim.url, sim.apiKeys.pos);
    await sim.control.displace();
    expect((await pos.action('forceDisconnect')).reason).toBe('New connection established with the same API key');
    await pos.closed;
    expect(pos.closeCode).toBe(4000);
  });

  it('a terminal connecting twice with its key displaces its older connection without a grace period', async () => {
    sim = await startSimulator({ defaultDelayMs: 10, gracePeriodMs: 60_000 });
    const pos = await connect(sim.url, sim.apiKeys.pos);
    // An external terminal takes over TERM-001's key; the virtual one is displaced.
    const term = await connect(sim.url, 'sim-term-key-001');
    const connected = await pos.action('terminalStatusUpdate');
    expect(connected).toMatchObject({ terminalId: 'TERM-001', status: 'connected' });
    expect(sim.control.terminals().find((t) => t.id === 'TERM-001')?.connectionId).toBe(connected.connectionId);
    expect(sim.control.log().some((e) => e.role === 'terminal' && (e.frame as { action?: string }).action === 'forceDisconnect')).toBe(true);
    await pos.sync();
    expect(pos.all('terminalStatusUpdate').map((f) => f.status)).toEqual(['connected']);
    await term.sync();
  });

  it('idle timeout (off by default) closes a silent POS connection with 1001', async () => {
    sim = await startSimulator({ defaultDelayMs: 10, idleTimeoutMs: 150 });
    const idle = await connect(sim.url, sim.apiKeys.pos);
    await idle.closed;
    expect(idle.closeCode).toBe(1001);
    expect(idle.closeReason).toBe('Idle timeout');
  });

  it('idle timeout: a POS that keeps talking stays connected', async () => {
    sim = await startSimulator({ defaultDelayMs: 10, idleTimeoutMs: 3_000 });
    const busy = await connect(sim.url, sim.apiKeys.pos);
    // 3.6 s in all, longer than the idle timeout, with a frame every 300 ms: only a stall of the
    // whole test process (the simulator runs in it) of 2.7 s could end the connection; a wider
    // idle timeout than the gap keeps a loaded CI machine from doing that.
    for (let i = 0; i < 12; i += 1) {
      await sleep(300);
      await busy.sync();
    }
    expect(busy.closeCode).toBeUndefined();
  });

  it('maximum connection lifetime closes even a busy POS connection with 1001', async () => {
    sim = await startSimulator({ defaultDelayMs: 10, maxConnectionLifetimeMs: 200 });
    const pos = await connect(sim.url, sim.apiKeys.pos);
    const pinger = setInterval(() => pos.ws.readyState === 1 && pos.send({ action: 'ping' }), 30);
    await pos.closed;
    clearInterval(pinger);
    expect(pos.closeCode).toBe(1001);
    expect(pos.closeReason).toBe('Maximum connection lifetime reached');
  });

  it('without idle timeout or lifetime settings a connection stays open', async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    const pos = await connect(sim.url, sim.apiKeys.pos);
    await sleep(300);
    await pos.sync();
    expect(pos.closeCode).toBeUndefined();
  });
});
