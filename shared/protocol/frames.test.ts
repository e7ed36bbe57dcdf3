import { describe, expect, it } from 'vitest';
import { ClientFrame, errorText, parseServerFrame, PaymentRequest, TransactionLookupResponse } from './index';

/** The shared schemas accept every documented example and tolerate what §6–§7 say may vary. */
describe('parseServerFrame (tolerant parsing, §4, §6)', () => {
  it('accepts the quick-start trimmed terminalsResponse (items with only deviceId and status)', () => {
    const r = parseServerFrame('{"action":"terminalsResponse","terminals":[{"deviceId":"TERM-001","status":"online"}]}');
    expect(r.kind).toBe('frame');
  });

  it('accepts the full §6.1 example and keeps unknown fields (loose objects)', () => {
    const r = parseServerFrame(
      JSON.stringify({
        action: 'terminalsResponse',
        terminals: [
          {
            connectionId: 'abc123xyz',
            deviceId: 'TERM-001',
            connectedAt: '2024-01-15T10:30:00.000Z',
            lastActivity: '2024-01-15T10:35:00.000Z',
            status: 'online',
            metadata: {},
            extra: 1,
          },
        ],
        timestamp: '2024-01-15T10:35:30.000Z',
        futureField: true,
      }),
    );
    expect(r.kind === 'frame' && (r.frame as Record<string, unknown>).futureField).toBe(true);
  });

  it('accepts paymentComplete with a numeric amount (OQ-9) and the decline example', () => {
    const r = parseServerFrame(
      JSON.stringify({
        action: 'paymentComplete',
        terminalId: 'TERM-001',
        connectionId: 'abc123xyz',
        terminalDeviceId: 'TERM-001',
        paymentResponse: {
          transactionId: 'TXN-20240115-002',
          status: 'FAILED',
          amount: 99.99,
          currency: 'USD',
          paymentMethod: 'CARD',
          errorCode: 'INSUFFICIENT_FUNDS',
          errorMessage: 'Card declined due to insufficient funds',
        },
        timestamp: '2024-01-15T10:38:00.000Z',
      }),
    );
    expect(r.kind).toBe('frame');
  });

  it('accepts paymentVoided with the 4-field originalPaymentResponse', () => {
    const r = parseServerFrame(
      JSON.stringify({
        action: 'paymentVoided',
        terminalId: 'TERM-001',
        transactionId: 'TXN-20240115-001',
        reason: 'Terminal reconnected after grace period expired',
        originalPaymentResponse: { transactionId: 'TXN-20240115-001', status: 'SUCCESS', amount: '99.99', currency: 'USD' },
        timestamp: '2024-01-15T10:38:30.000Z',
      }),
    );
    expect(r.kind).toBe('frame');
  });

  it('accepts pong with and without a timestamp, and forceDisconnect with only a reason', () => {
    expect(parseServerFrame('{"action":"pong"}').kind).toBe('frame');
    expect(parseServerFrame('{"action":"pong","timestamp":"2024-01-15T10:30:00.000Z"}').kind).toBe('frame');
    expect(parseServerFrame('{"action":"forceDisconnect","reason":"x"}').kind).toBe('frame');
  });

  it('reads every tolerated error shape (§6.7)', () => {
    const shapes: [string, { title: string; message: string }][] = [
      ['{"error":"Not Found","message":"Terminal connection not found"}', { title: 'Not Found', message: 'Terminal connection not found' }],
      ['{"error":"Terminal connection not found"}', { title: 'Terminal connection not found', message: 'Terminal connection not found' }],
      [
        '{"error":{"message":"Cannot send message to connection in different group","code":"Forbidden"}}',
        { title: 'Forbidden', message: 'Cannot send message to connection in different group' },
      ],
    ];
    for (const [text, expected] of shapes) {
      const r = parseServerFrame(text);
      expect(r.kind).toBe('error');
      if (r.kind === 'error') expect(errorText(r.frame)).toEqual(expected);
    }
  });

  it('never throws: invalid JSON, non-objects, unknown actions and broken known frames are "invalid"', () => {
    expect(parseServerFrame('{').kind).toBe('invalid');
    expect(parseServerFrame('[]').kind).toBe('invalid');
    expect(parseServerFrame('null').kind).toBe('invalid');
    expect(parseServerFrame('{"nothing":1}').kind).toBe('invalid');
    const unknown = parseServerFrame('{"action":"somethingNew"}');
    expect(unknown.kind === 'invalid' && unknown.reason).toContain('unknown action');
    const broken = parseServerFrame('{"action":"paymentComplete","paymentResponse":{"status":"MAYBE"}}');
    expect(broken.kind === 'invalid' && broken.reason).toContain('paymentComplete');
  });

  it('describes a hostile non-string action without calling its methods (fuzz-found: {"toString":null})', () => {
    expect(parseServerFrame('{"action":{"toString":null}}')).toEqual({ kind: 'invalid', reason: 'unknown action "(object)"' });
    expect(parseServerFrame('{"action":["pong"]}')).toEqual({ kind: 'invalid', reason: 'unknown action "(object)"' });
    expect(parseServerFrame('{"action":42}')).toEqual({ kind: 'invalid', reason: 'unknown action "(number)"' });
  });

  it('rejects status values outside the documented enums', () => {
    expect(parseServerFrame('{"action":"terminalStatusUpdate","terminalId":"T","status":"gone","timestamp":"x"}').kind).toBe('invalid');
  });
});

describe('client frames and data types (§5, §7)', () => {
  it('parses the three documented actions, including the minimal payment of the quick start', () => {
    expect(ClientFrame.safeParse({ action: 'getTerminals' }).success).toBe(true);
    expect(ClientFrame.safeParse({ action: 'ping' }).success).toBe(true);
    expect(
      ClientFrame.safeParse({
        action: 'payment',
        terminalId: 'TERM-001',
        paymentRequest: { transactionId: 'TXN-20240115-001', amount: '99.99', currency: 'USD', paymentMethod: 'CARD' },
      }).success,
    ).toBe(true);
    expect(ClientFrame.safeParse({ action: 'refund' }).success).toBe(false);
  });

  it('PaymentRequest: amount as string or number, transactionId optional, method from the enum', () => {
    expect(PaymentRequest.safeParse({ amount: 5, currency: 'PHP', paymentMethod: 'CASH' }).success).toBe(true);
    expect(PaymentRequest.safeParse({ amount: '5.00', currency: 'PHP', paymentMethod: 'CHEQUE' }).success).toBe(false);
    expect(PaymentRequest.safeParse({ amount: '5.00', currency: 'PESO', paymentMethod: 'CARD' }).success).toBe(false);
  });

  it('TransactionLookupResponse accepts the §11.2 example', () => {
    const ok = TransactionLookupResponse.safeParse({
      transactionId: 'TXN-20240115-001',
      status: 'COMPLETED',
      request: { transactionId: 'TXN-20240115-001', amount: '99.99', currency: 'USD', paymentMethod: 'CARD' },
      response: {
        transactionId: 'TXN-20240115-001',
        status: 'SUCCESS',
        amount: '99.99',
        currency: 'USD',
        paymentMethod: 'CARD',
        authorizationCode: 'AUTH123456',
        timestamp: '2024-01-15T10:37:30.000Z',
      },
      createdAt: '2024-01-15T10:37:00.000Z',
      updatedAt: '2024-01-15T10:37:30.000Z',
      completedAt: '2024-01-15T10:37:30.000Z',
      timestamp: '2024-01-15T10:40:00.000Z',
    });
    expect(ok.success).toBe(true);
  });
});
