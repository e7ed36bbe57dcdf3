import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { signRequest, TerminalsListResponse, TransactionLookupResponse } from '../shared/protocol';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { paymentFrame, TestPos, until } from './testing/pos-client';

/** §11 HTTP side with real HMAC verification (§11.1) and the §10.3 error codes. */
describe('HTTP API', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;

  beforeAll(async () => {
    sim = await startSimulator({
      defaultDelayMs: 10,
      gracePeriodMs: 100,
      config: {
        keys: {
          'pos-1': { role: 'desktop', groupId: 'group-1', apiSecret: 'secret-1' },
          'pos-2': { role: 'desktop', groupId: 'group-2', apiSecret: 'secret-2' },
          'pos-nosecret': { role: 'desktop', groupId: 'group-1' },
          'term-1': { role: 'terminal', groupId: 'group-1', deviceId: 'TERM-001', apiSecret: 'term-secret' },
        },
      },
    });
    pos = await TestPos.connect(sim.url, 'pos-1');
  });
  afterAll(async () => {
    await pos.close();
    await sim.close();
  });

  async function get(
    path: string,
    key: string | undefined,
    secret: string,
    opts: { timestamp?: string; signature?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const timestamp = opts.timestamp ?? new Date().toISOString();
    const signature = opts.signature ?? (await signRequest(secret, 'GET', path.split('?')[0]!, timestamp, ''));
    const headers: Record<string, string> = { 'x-timestamp': timestamp, 'x-signature': signature };
    if (key) headers['x-api-key'] = key;
    const res = await fetch(`${sim.httpUrl}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('GET /v1/terminals with a valid signature lists the group with count and terminalId', async () => {
    const { status, body } = await get('/v1/terminals', 'pos-1', 'secret-1');
    expect(status).toBe(200);
    const parsed = TerminalsListResponse.parse(body);
    expect(parsed.count).toBe(1);
    expect(parsed.terminals[0]).toMatchObject({ terminalId: 'TERM-001', deviceId: 'TERM-001', status: 'online' });
  });

  it('accepts a signature made independently with node:crypto by the §11.1 formula (not with our own signer)', async () => {
    const ts = new Date().toISOString();
    const bodyHash = createHash('sha256').update('').digest('hex');
    expect(bodyHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const signature = createHmac('sha256', 'secret-1').update(`GET\n/v1/terminals\n${ts}\n${bodyHash}`).digest('base64');
    const { status } = await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: ts, signature });
    expect(status).toBe(200);
  });

  it('the documented test vector is refused only for its age: its 2024 timestamp is outside the window', async () => {
    const { status, body } = await get('/v1/terminals', 'pos-1', 'test-secret', {
      timestamp: '2024-01-15T10:30:00.000Z',
      signature: 'MqZpfBWKNn60IHIbetJPDg3BxDQE8RHsFG0s88owsSQ=',
    });
    expect(status).toBe(401);
    expect(body.code).toBe('TIMESTAMP_EXPIRED');
  });

  it('a wrong signature → 401 INVALID_SIGNATURE', async () => {
    const { status, body } = await get('/v1/terminals', 'pos-1', 'not-the-secret');
    expect(status).toBe(401);
    expect(body.code).toBe('INVALID_SIGNATURE');
  });

  it('a signature over another path does not verify', async () => {
    const ts = new Date().toISOString();
    const signature = await signRequest('secret-1', 'GET', '/v1/transactions/x', ts, '');
    const { status, body } = await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: ts, signature });
    expect(status).toBe(401);
    expect(body.code).toBe('INVALID_SIGNATURE');
  });

  it('a timestamp older than 5 minutes → 401 TIMESTAMP_EXPIRED, even when correctly signed', async () => {
    const stale = new Date(Date.now() - 5 * 60_000 - 5_000).toISOString();
    const { status, body } = await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: stale });
    expect(status).toBe(401);
    expect(body.code).toBe('TIMESTAMP_EXPIRED');
    const future = new Date(Date.now() + 6 * 60_000).toISOString();
    expect((await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: future })).body.code).toBe('TIMESTAMP_EXPIRED');
    expect((await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: 'yesterday' })).body.code).toBe('TIMESTAMP_EXPIRED');
    const inside = new Date(Date.now() - 4 * 60_000).toISOString();
    expect((await get('/v1/terminals', 'pos-1', 'secret-1', { timestamp: inside })).status).toBe(200);
  });

  it('a missing or unknown key, or a key without secret → 401 UNAUTHORIZED', async () => {
    expect((await get('/v1/terminals', undefined, 'secret-1')).body.code).toBe('UNAUTHORIZED');
    expect((await get('/v1/terminals', 'nobody', 'secret-1')).body.code).toBe('UNAUTHORIZED');
    const r = await get('/v1/terminals', 'pos-nosecret', 'x');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('UNAUTHORIZED');
  });

  it('a terminal key → 403 GROUP_MISMATCH ("only desktop devices can list terminals")', async () => {
    const { status, body } = await get('/v1/terminals', 'term-1', 'term-secret');
    expect(status).toBe(403);
    expect(body.code).toBe('GROUP_MISMATCH');
  });

  it('GET /v1/transactions/{id}: COMPLETED with request, response and terminalDeviceId', async () => {
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await pos.action('paymentComplete');
    const { status, body } = await get(`/v1/transactions/${id}`, 'pos-1', 'secret-1');
    expect(status).toBe(200);
    const parsed = TransactionLookupResponse.parse(body);
    expect(parsed).toMatchObject({ transactionId: id, status: 'COMPLETED', terminalDeviceId: 'TERM-001' });
    expect(parsed.request).toMatchObject({ transactionId: id, amount: '99.99', currency: 'PHP' });
    expect(parsed.response).toMatchObject({ status: 'SUCCESS' });
    expect(parsed.completedAt).toBeDefined();
  });

  it('GET /v1/transactions/{id}: a late-voided payment reports VOIDED with voidedAt and voidReason', async () => {
    sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 5, reconnectAfterMs: 300 });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transaction(id)?.status === 'FAILED', 3_000, 'grace expiry');
    expect((await get(`/v1/transactions/${id}`, 'pos-1', 'secret-1')).body.status).toBe('FAILED');
    await pos.action('paymentVoided');
    const { body } = await get(`/v1/transactions/${id}`, 'pos-1', 'secret-1');
    const parsed = TransactionLookupResponse.parse(body);
    expect(parsed.status).toBe('VOIDED');
    expect(parsed.voidReason).toBe('Terminal reconnected after grace period expired');
    expect(parsed.voidedAt).toBeDefined();
  });

  it('GET /v1/transactions/{id}: unknown id, or a transaction of another group → 404', async () => {
    expect((await get('/v1/transactions/nope', 'pos-1', 'secret-1')).status).toBe(404);
    const id = sim.control.transactions()[0]!.transactionId;
    const other = await get(`/v1/transactions/${id}`, 'pos-2', 'secret-2');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('TRANSACTION_NOT_FOUND');
  });
});
