import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFault } from '../../../simulator/api';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';
import { createLookupClient, type LookupFn } from './lookup-client';

/**
 * Money-truth rule 2: only a real answer settles a payment. The lookup client talks to the real
 * simulator over loopback HTTP; the simulator is taught to answer the way proxies, wrong base
 * paths and broken deployments do (control.lookupFault).
 */
let fx: SimFixture;
let approvedId: string;
let lookup: LookupFn;
/** Another origin: counts requests and the credentials they carried (a redirect must not reach it). */
let elsewhere: http.Server;
const reachedElsewhere: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  fx = await startFixture();
  approvedId = await payOk(fx.h, 'TERM-001', 'LOOKUP-1');
  await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === approvedId && p.state === 'approved'));
  lookup = createLookupClient({
    fetch: globalThis.fetch,
    baseUrl: fx.sim.httpUrl,
    apiKey: fx.sim.apiKeys.pos,
    apiSecret: fx.sim.apiKeys.posSecret,
    now: () => Date.now(),
    timeoutMs: 500,
  });
  elsewhere = http.createServer((req, res) => {
    reachedElsewhere.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ transactionId: approvedId, status: 'COMPLETED' }));
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await fx.close();
  await new Promise((resolve) => elsewhere.close(resolve));
});

async function lookupWith(fault: LookupFault, id = approvedId) {
  fx.sim.control.lookupFault(fault);
  try {
    return await lookup(id);
  } finally {
    fx.sim.control.lookupFault({ answer: 'normal' });
  }
}

describe('transaction lookup client against a real HTTP server on loopback', () => {
  it('a valid JSON answer for the same transaction is found; a JSON "transaction not found" is notFound', async () => {
    expect(await lookup(approvedId)).toMatchObject({ kind: 'found', body: { transactionId: approvedId, status: 'COMPLETED' } });
    expect(await lookup('0190f3c2-0000-7000-8000-000000000000')).toEqual({ kind: 'notFound' });
  });

  it.each([
    ['html404', /not the gateway's answer|HTML|content type/i],
    ['json404', /not the gateway's answer|not found/i],
    ['html200', /content type|not JSON/i],
    ['wrongContentType', /content type/i],
    ['serverError', /HTTP 500/],
    ['wrongId', /another transaction/i],
  ] as const)('a %s answer leaves the payment unknown (error with a reason), never "not found"', async (answer, reason) => {
    const result = await lookupWith({ answer });
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(reason);
  });

  it('never follows a redirect: the other origin gets no request and no x-api-key / x-signature', async () => {
    const port = (elsewhere.address() as AddressInfo).port;
    const result = await lookupWith({ answer: 'redirect', location: `http://127.0.0.1:${port}/v1/transactions/${approvedId}` });
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(/redirect/i);
    expect(reachedElsewhere).toEqual([]);
  });

  it('a gateway that never answers is a timeout error, not a verdict', async () => {
    const result = await lookupWith({ answer: 'hang' });
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(/did not answer|timeout|timed out/i);
  });
});
