import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signRequest } from '../shared/protocol';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';

/** POST /__sim/lookup: the transaction lookup answers the way broken deployments do (money-truth rule 2). */
describe('lookup faults over the control API', () => {
  let sim: SimulatorHandle;
  beforeEach(async () => {
    sim = await startSimulator({ defaultDelayMs: 20 });
  });
  afterEach(async () => {
    await sim.close();
  });

  const control = (body: unknown) =>
    fetch(`${sim.httpUrl}/__sim/lookup`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  async function lookup(id: string): Promise<Response> {
    const path = `/v1/transactions/${id}`;
    const timestamp = new Date().toISOString();
    const signature = await signRequest(sim.apiKeys.posSecret, 'GET', path, timestamp);
    return fetch(`${sim.httpUrl}${path}`, {
      headers: { 'x-api-key': sim.apiKeys.pos, 'x-timestamp': timestamp, 'x-signature': signature },
      redirect: 'manual',
    });
  }

  it('answers an HTML 404, a redirect, then (times used up) the normal JSON answer again', async () => {
    expect((await control({ answer: 'html404', times: 1 })).status).toBe(200);
    const html = await lookup('tx-1');
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const normal = await lookup('tx-1');
    expect(normal.status).toBe(404);
    expect(await normal.json()).toEqual({ code: 'TRANSACTION_NOT_FOUND', message: 'Transaction not found' });

    await control({ answer: 'redirect', location: 'http://127.0.0.1:9/x' });
    const redirect = await lookup('tx-1');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://127.0.0.1:9/x');
  });

  it('refuses an unknown answer with a clear error', async () => {
    const res = await control({ answer: 'teapot' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/answer/);
  });
});
