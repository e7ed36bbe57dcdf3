import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLookupClient, type LookupClientOptions } from './lookup-client';

/**
 * The lookup client without a network (money-safety rule 9: only the gateway's own answer settles a
 * payment): `fetch` is replaced by one that records the request and gives the answer a proxy, a
 * wrong path or the gateway would. The real-HTTP cases are lookup-client.int.test.ts.
 */
const ID = '0190f3c2-aaaa-7000-8000-000000000001';
const NOW = Date.UTC(2026, 0, 15, 9, 30, 0);
const NOT_THE_GATEWAY = "this is not the gateway's answer (check the gateway address; a proxy or wrong path may be in between)";

type Answer = Response | (() => never);

function client(answer: Answer, options: Partial<LookupClientOptions> = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return typeof answer === 'function' ? answer() : answer;
  }) as unknown as typeof fetch;
  const lookup = createLookupClient({ fetch: fetchFn, baseUrl: 'https://gw.example', apiKey: 'key-1', apiSecret: 'secret-1', now: () => NOW, ...options });
  return { lookup, requests };
}

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
/** A string body gets "text/plain" from Response itself; bytes get no content type at all. */
const text = (status: number, body: string, type?: string) =>
  type ? new Response(body, { status, headers: { 'content-type': type } }) : new Response(new TextEncoder().encode(body), { status });
const failed = (status: number, why: string) => ({ kind: 'error', message: `Lookup failed: HTTP ${status} — ${why}.` });

describe('the request', () => {
  it('is a signed GET for the encoded id, with the key, the time and JSON asked for, and redirects refused', async () => {
    const { lookup, requests } = client(json(200, { transactionId: 'a b/c', status: 'COMPLETED' }));
    await lookup('a b/c');
    const [req] = requests;
    expect(req?.url).toBe('https://gw.example/v1/transactions/a%20b%2Fc');
    const timestamp = '2026-01-15T09:30:00.000Z';
    // §11.1 computed here independently: Base64(HMAC-SHA256(secret, METHOD\nPATH\nTIMESTAMP\nhex(SHA256(body)))).
    const emptyBody = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const signature = createHmac('sha256', 'secret-1').update(`GET\n/v1/transactions/a%20b%2Fc\n${timestamp}\n${emptyBody}`).digest('base64');
    expect(req?.init).toMatchObject({
      method: 'GET',
      headers: { 'x-api-key': 'key-1', 'x-timestamp': timestamp, 'x-signature': signature, accept: 'application/json' },
      redirect: 'error',
    });
    expect(req?.init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('answers that settle', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'application/json ; charset=utf-8', ' Application/JSON ', 'application/vnd.gateway+json'])(
    'a valid record for this id as %s is found',
    async (type) => {
      const { lookup } = client(json(200, { transactionId: ID, status: 'VOIDED', voidReason: 'late approval' }, type));
      expect(await lookup(ID)).toEqual({ kind: 'found', body: { transactionId: ID, status: 'VOIDED', voidReason: 'late approval' } });
    },
  );

  it.each([
    { code: 'TRANSACTION_NOT_FOUND' },
    { error: 'Transaction not found' },
    { message: 'Unknown transaction' },
    { error: 'The transaction does not exist' },
  ])('a 404 saying %j is "not found"', async (body) => {
    expect(await client(json(404, body)).lookup(ID)).toEqual({ kind: 'notFound' });
  });
});

describe('answers that settle nothing (the payment stays unknown, with the reason)', () => {
  it.each([
    ['an HTML page', text(200, '<html>ok</html>', 'text/html'), failed(200, `the answer has content type "text/html", not JSON; ${NOT_THE_GATEWAY}`)],
    ['no content type', text(200, '{}'), failed(200, `the answer has content type "none", not JSON; ${NOT_THE_GATEWAY}`)],
    ['a JSON type that is not JSON', text(200, 'not json', 'application/json'), failed(200, `the answer is not JSON; ${NOT_THE_GATEWAY}`)],
    ['JSON in another shape', json(200, { id: ID, state: 'ok' }), failed(200, "the answer does not match the gateway's transaction format")],
    [
      'a JSON-ish type',
      json(200, { transactionId: ID, status: 'COMPLETED' }, 'text/json'),
      failed(200, `the answer has content type "text/json", not JSON; ${NOT_THE_GATEWAY}`),
    ],
    [
      'JSONP',
      json(200, { transactionId: ID, status: 'COMPLETED' }, 'application/jsonp'),
      failed(200, `the answer has content type "application/jsonp", not JSON; ${NOT_THE_GATEWAY}`),
    ],
    [
      'HTML that names JSON',
      json(200, { transactionId: ID, status: 'COMPLETED' }, 'text/html; profile=application/json'),
      failed(200, `the answer has content type "text/html; profile=application/json", not JSON; ${NOT_THE_GATEWAY}`),
    ],
    [
      'another transaction',
      json(200, { transactionId: `${'x'.repeat(70)}`, status: 'COMPLETED' }),
      failed(200, `the answer is for another transaction (${'x'.repeat(64)})`),
    ],
    [
      'a redirect',
      new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }),
      failed(302, 'the gateway answered with a redirect, which is never followed'),
    ],
    ['a 304', new Response(null, { status: 304 }), failed(304, 'the gateway answered with a redirect, which is never followed')],
    ['a 300', new Response(null, { status: 300 }), failed(300, 'the gateway answered with a redirect, which is never followed')],
    ["a framework's 404", json(404, { error: 'Not Found' }), failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`)],
    [
      'a 404 about a route',
      json(404, { error: 'Route /v1/transactions not found' }),
      failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`),
    ],
    [
      'a 404 with another code',
      json(404, { code: 'TERMINAL_NOT_FOUND', message: 'transaction not found' }),
      failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`),
    ],
    [
      'an HTML 404',
      text(404, '<h1>Transaction not found</h1>', 'text/html'),
      failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`),
    ],
    [
      'a 404 without "not found" words',
      json(404, { error: 'transaction' }),
      failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`),
    ],
    [
      'a 404 without the word transaction',
      json(404, { error: 'not found' }),
      failed(404, `the 404 does not say the transaction is unknown; ${NOT_THE_GATEWAY}`),
    ],
    ['a 500', text(500, 'oops'), failed(500, 'the gateway had a problem')],
    ['a 418', text(418, ''), failed(418, 'unexpected answer')],
    ['an error code', json(400, { code: `BAD_${'Y'.repeat(80)}` }), failed(400, `gateway error BAD_${'Y'.repeat(60)}`)],
  ])('%s', async (_what, answer, expected) => {
    expect(await client(answer).lookup(ID)).toEqual(expected);
  });

  it.each(['INVALID_SIGNATURE', 'UNAUTHORIZED'])('%s asks for the key and secret to be checked', async (code) => {
    expect(await client(json(401, { code })).lookup(ID)).toEqual({
      kind: 'error',
      message: `The gateway refused the lookup (${code}). Check the API key and secret in Settings.`,
    });
  });

  it('TIMESTAMP_EXPIRED says the computer clock is wrong', async () => {
    expect(await client(json(401, { code: 'TIMESTAMP_EXPIRED' })).lookup(ID)).toEqual({
      kind: 'error',
      message: "The gateway rejected the lookup because this computer's clock is wrong. Check the system clock.",
    });
  });
});

describe('no answer at all', () => {
  const throwing = (err: unknown) => () => {
    throw err;
  };

  it.each(['TimeoutError', 'AbortError'])('a %s is a timeout, in whole seconds (default 8 s)', async (name) => {
    const err = Object.assign(new Error('aborted'), { name });
    expect(await client(throwing(err)).lookup(ID)).toEqual({ kind: 'error', message: 'Lookup failed: the gateway did not answer within 8 s (timeout).' });
    expect(await client(throwing(err), { timeoutMs: 2_400 }).lookup(ID)).toEqual({
      kind: 'error',
      message: 'Lookup failed: the gateway did not answer within 2 s (timeout).',
    });
  });

  it('a redirect refused by fetch itself says so', async () => {
    const err = new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
    expect(await client(throwing(err)).lookup(ID)).toEqual({
      kind: 'error',
      message: 'Lookup failed: the gateway answered with a redirect, which is never followed.',
    });
  });

  it('any other failure names the error and its cause', async () => {
    expect(await client(throwing(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }))).lookup(ID)).toEqual({
      kind: 'error',
      message: 'Lookup failed: fetch failed (connect ECONNREFUSED)',
    });
    expect(await client(throwing(new Error('socket hang up'))).lookup(ID)).toEqual({ kind: 'error', message: 'Lookup failed: socket hang up' });
    expect(await client(throwing('boom')).lookup(ID)).toEqual({ kind: 'error', message: 'Lookup failed: boom' });
  });
});
