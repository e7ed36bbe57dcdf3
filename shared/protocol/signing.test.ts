import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, sha256Hex, signaturesEqual, signRequest, stringToSign } from './signing';

/** §11.1 test vectors (ours, cross-checked with Python and Node's own crypto). */
describe('HMAC request signing (§11.1)', () => {
  const ts = '2024-01-15T10:30:00.000Z';

  it('GET /v1/terminals with an empty body', async () => {
    expect(await signRequest('test-secret', 'GET', '/v1/terminals', ts)).toBe('MqZpfBWKNn60IHIbetJPDg3BxDQE8RHsFG0s88owsSQ=');
  });

  it('POST /v1/terminals/TERM-001/payments with a JSON body', async () => {
    const body = '{"amount":"99.99","currency":"PHP","paymentMethod":"CARD"}';
    expect(await sha256Hex(body)).toBe('e45495f0d4ad20a3925415772a254b09983266c04d496635b73a6002f3957d93');
    expect(await signRequest('test-secret', 'POST', '/v1/terminals/TERM-001/payments', ts, body)).toBe('i5DWAfUJI7Oe/FRUYEbk5TuW70weq7c8n2impD6iZKg=');
  });

  it('the string to sign is the four documented lines, method upper-cased', async () => {
    expect(await stringToSign('get', '/v1/terminals', ts, '')).toBe(`GET\n/v1/terminals\n${ts}\n${EMPTY_BODY_SHA256}`);
    expect(EMPTY_BODY_SHA256).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('agrees with Node crypto for a non-ASCII body (hashed as UTF-8 bytes)', async () => {
    const body = '{"name":"Café ☕"}';
    const expected = createHmac('sha256', 's3cr3t')
      .update(['POST', '/v1/x', ts, createHash('sha256').update(body, 'utf8').digest('hex')].join('\n'))
      .digest('base64');
    expect(await signRequest('s3cr3t', 'POST', '/v1/x', ts, body)).toBe(expected);
  });

  it('a wrong secret or a changed timestamp gives a different signature', async () => {
    const good = await signRequest('test-secret', 'GET', '/v1/terminals', ts);
    expect(await signRequest('test-secret2', 'GET', '/v1/terminals', ts)).not.toBe(good);
    expect(await signRequest('test-secret', 'GET', '/v1/terminals', '2024-01-15T10:30:00.001Z')).not.toBe(good);
  });

  it('signaturesEqual compares exactly', () => {
    expect(signaturesEqual('abc=', 'abc=')).toBe(true);
    expect(signaturesEqual('abc=', 'abd=')).toBe(false);
    expect(signaturesEqual('abc=', 'abc')).toBe(false);
  });
});
