import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';

/**
 * The control API can script payments and drop connections, so it must answer the demo's own
 * control page and local tools only — not a web page the cashier happens to have open (a
 * cross-site form POST is text/plain and carries a foreign Origin) and not a DNS-rebound name
 * (foreign Host). Raw node:http so the Host header is exactly what a browser would send.
 */
function send(
  port: number,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('control API: Host, Origin and content type', () => {
  let sim: SimulatorHandle;
  let own: string;
  beforeAll(async () => {
    sim = await startSimulator({ defaultDelayMs: 10 });
    own = `127.0.0.1:${sim.port}`;
  });
  afterAll(() => sim.close());

  const script = JSON.stringify({ outcome: 'FAILED' });
  async function gracePeriodMs(): Promise<number> {
    const state = await send(sim.port, { method: 'GET', path: '/__sim/state', headers: { host: own } });
    return (JSON.parse(state.body) as { config: { gracePeriodMs: number } }).config.gracePeriodMs;
  }

  it('refuses a cross-site text/plain POST with a foreign Host and changes nothing', async () => {
    const res = await send(sim.port, {
      method: 'POST',
      path: '/__sim/config',
      headers: { host: 'evil.example', origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ gracePeriodMs: 3 }),
    });
    expect(res.status).toBe(421);
    expect(await gracePeriodMs()).not.toBe(3);
  });

  it('refuses a foreign Host even on GET (DNS rebinding)', async () => {
    const res = await send(sim.port, { method: 'GET', path: '/__sim/state', headers: { host: `evil.example:${sim.port}` } });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('TERM-001');
  });

  it('refuses a foreign Origin with our own Host', async () => {
    const res = await send(sim.port, {
      method: 'POST',
      path: '/__sim/config',
      headers: { host: own, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ gracePeriodMs: 1 }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/origin/i);
    expect(await gracePeriodMs()).not.toBe(1);
  });

  it('refuses a POST that is not JSON, even from our own page', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers: Record<string, string> = { host: own, origin: `http://${own}` };
      if (type) headers['content-type'] = type;
      const res = await send(sim.port, { method: 'POST', path: '/__sim/config', headers, body: JSON.stringify({ gracePeriodMs: 2 }) });
      expect(res.status, type || '(none)').toBe(415);
    }
    expect(await gracePeriodMs()).not.toBe(2);
  });

  it('still answers its own control page and local tools', async () => {
    const page = await send(sim.port, {
      method: 'POST',
      path: '/__sim/terminals/TERM-002/script',
      headers: { host: own, origin: `http://${own}`, 'content-type': 'application/json' },
      body: script,
    });
    expect(page.status).toBe(200);
    const viaLocalhost = await send(sim.port, {
      method: 'POST',
      path: '/__sim/config',
      headers: { host: `localhost:${sim.port}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ gracePeriodMs: 4_000 }),
    });
    expect(viaLocalhost.status).toBe(200);
    expect(await gracePeriodMs()).toBe(4_000);
    // A tool without Origin (curl, scripts) reading state.
    expect((await send(sim.port, { method: 'GET', path: '/__sim/state', headers: { host: own } })).status).toBe(200);
  });
});
