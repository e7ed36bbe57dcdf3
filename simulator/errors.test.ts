import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { paymentFrame, TestPos, until } from './testing/pos-client';

/**
 * Every error frame the simulator sends (§6.7, OQ-3, OQ-6, OQ-7, OQ-20). The expected texts are
 * written out literally, never taken from the constants the simulator sends (a test that reads
 * the constant agrees with itself whatever it says). VENDOR: the four `payment` errors the
 * vendor documents, word for word (GATEWAY-PROTOCOL.md §6.7, source S6, the vendor's actions
 * page). OURS: texts the vendor does not document, as docs/simulator.md promises them.
 */
const VENDOR = {
  terminalIdRequired: 'terminalId is required',
  paymentRequestRequired: 'paymentRequest is required',
  terminalNotFound: 'Terminal connection not found',
  differentGroup: 'Cannot send message to connection in different group',
};
const OURS = {
  invalidJson: 'Invalid JSON',
  unknownAction: 'Unknown action',
  paymentInProgress: 'Payment already in progress',
  duplicateTransactionId: 'transactionId already used',
  frameTooLarge: 'Message too large',
};
describe('error frames', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;

  beforeEach(async () => {
    sim = await startSimulator({ defaultDelayMs: 20, maxPayloadBytes: 4_096 });
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  });
  afterEach(async () => {
    await pos.close();
    await sim.close();
  });

  const cases: [string, unknown, { error: string; message: string }][] = [
    [
      'missing terminalId',
      { action: 'payment', paymentRequest: { amount: '1.00', currency: 'PHP', paymentMethod: 'CARD' } },
      { error: 'Bad Request', message: VENDOR.terminalIdRequired },
    ],
    [
      'empty terminalId',
      { action: 'payment', terminalId: '', paymentRequest: { amount: '1.00', currency: 'PHP', paymentMethod: 'CARD' } },
      { error: 'Bad Request', message: VENDOR.terminalIdRequired },
    ],
    ['missing paymentRequest', { action: 'payment', terminalId: 'TERM-001' }, { error: 'Bad Request', message: VENDOR.paymentRequestRequired }],
    ['unknown terminal', paymentFrame('NOPE', 'x-1'), { error: 'Not Found', message: VENDOR.terminalNotFound }],
    ['terminal of another group', paymentFrame('TERM-901', 'x-2'), { error: 'Forbidden', message: VENDOR.differentGroup }],
    ['invalid JSON', '{"action": "ping"', { error: 'Bad Request', message: OURS.invalidJson }],
    ['unknown action', { action: 'refund' }, { error: 'Bad Request', message: OURS.unknownAction }],
    ['no action', { hello: 1 }, { error: 'Bad Request', message: OURS.unknownAction }],
    ['a JSON array', [1, 2], { error: 'Bad Request', message: OURS.unknownAction }],
    [
      'a terminal action from a desktop key',
      { action: 'paymentResult', paymentResponse: { transactionId: 'a', status: 'SUCCESS' } },
      { error: 'Forbidden', message: 'Action not allowed for a desktop key' },
    ],
  ];

  it.each(cases)('%s', async (_name, frame, expected) => {
    pos.send(frame);
    expect(await pos.error()).toEqual(expected);
    expect(sim.control.transactions()).toHaveLength(0);
  });

  it('an invalid paymentRequest is a Bad Request naming the field', async () => {
    pos.send({ action: 'payment', terminalId: 'TERM-001', paymentRequest: { amount: '1.00', currency: 'PHP', paymentMethod: 'CHEQUE' } });
    const err = await pos.error();
    expect(err.error).toBe('Bad Request');
    expect(err.message).toContain('paymentMethod');
  });

  it('an oversized frame gets "Message too large" and the connection stays usable', async () => {
    pos.send({ action: 'ping', padding: 'x'.repeat(5_000) });
    expect(await pos.error()).toEqual({ error: 'Bad Request', message: OURS.frameTooLarge });
    await pos.sync();
  });

  it('a frame beyond the hard limit closes the connection with 1009 and the gateway keeps serving others', async () => {
    pos.send('x'.repeat(4_096 + 1024 * 1024 + 10));
    await pos.closed;
    expect(pos.closeCode).toBe(1009);
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    await pos.sync();
  });

  it('a second payment on a busy terminal → Conflict, the first one still completes', async () => {
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 200 });
    const first = uuidv7();
    pos.send(paymentFrame('TERM-001', first));
    pos.send(paymentFrame('TERM-001', uuidv7()));
    expect(await pos.error()).toEqual({ error: 'Conflict', message: OURS.paymentInProgress });
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse.transactionId).toBe(first);
    expect(sim.control.transactions()).toHaveLength(1);
  });

  it('a reused transactionId → Bad Request, even on another terminal', async () => {
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await pos.action('paymentComplete');
    pos.send(paymentFrame('TERM-002', id));
    expect(await pos.error()).toEqual({ error: 'Bad Request', message: OURS.duplicateTransactionId });
    await until(() => sim.control.terminals().every((t) => !t.busyWith));
    expect(sim.control.transactions()).toHaveLength(1);
  });

  it('a binary frame that is not JSON is answered with Invalid JSON', async () => {
    pos.ws.send(Buffer.from([0xff, 0x00, 0x13]));
    expect(await pos.error()).toEqual({ error: 'Bad Request', message: OURS.invalidJson });
  });
});
