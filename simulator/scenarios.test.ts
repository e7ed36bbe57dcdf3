import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { paymentFrame, sleep, TestPos, until } from './testing/pos-client';

/** Every row A–M of the scenario table in docs/protocol.md §9.3, over real sockets. */
describe('§9.3 scenarios', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;

  beforeEach(async () => {
    sim = await startSimulator({ gracePeriodMs: 300, paymentTimeoutMs: 2_000, defaultDelayMs: 20 });
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  });
  afterEach(async () => {
    await pos.close();
    await sim.close();
  });

  const tx = (): string => uuidv7();

  it('A: approval → paymentComplete SUCCESS with metadata echoed and a multi-line receipt', async () => {
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    const done = await pos.action('paymentComplete');
    expect(done.terminalId).toBe('TERM-001');
    expect(done.terminalDeviceId).toBe('TERM-001');
    expect(done.connectionId).toBe(sim.control.terminals().find((t) => t.id === 'TERM-001')?.connectionId);
    expect(done.paymentResponse).toMatchObject({
      transactionId: id,
      status: 'SUCCESS',
      amount: '99.99',
      currency: 'PHP',
      paymentMethod: 'CARD',
      metadata: { orderId: `ORD-${id}` },
    });
    expect(done.paymentResponse.authorizationCode).toMatch(/^AUTH/);
    expect(done.paymentResponse.receiptData?.split('\n').length).toBeGreaterThan(8);
    expect(done.paymentResponse.receiptData).toContain('APPROVED');
    expect(sim.control.transaction(id)?.status).toBe('COMPLETED');
  });

  it('B: decline → FAILED with errorCode and errorMessage', async () => {
    sim.control.script('TERM-002', { outcome: 'FAILED', errorCode: 'DO_NOT_HONOR', errorMessage: 'Do not honor' });
    const id = tx();
    pos.send(paymentFrame('TERM-002', id));
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'FAILED', errorCode: 'DO_NOT_HONOR', errorMessage: 'Do not honor' });
    expect(sim.control.transactions()[0]?.status).toBe('FAILED');
  });

  it('B: a decline without a scripted code uses the documented INSUFFICIENT_FUNDS', async () => {
    sim.control.script('TERM-002', { outcome: 'FAILED' });
    pos.send(paymentFrame('TERM-002', tx()));
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse.errorCode).toBe('INSUFFICIENT_FUNDS');
    expect(done.paymentResponse.errorMessage).toBe('Card declined due to insufficient funds');
  });

  it('A: a scripted receipt text and delay are used as given', async () => {
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 50, receiptData: 'LINE 1\nLINE 2' });
    pos.send(paymentFrame('TERM-001', tx()));
    expect((await pos.action('paymentComplete')).paymentResponse.receiptData).toBe('LINE 1\nLINE 2');
    // A script is for the next payment only.
    pos.send(paymentFrame('TERM-001', tx()));
    expect((await pos.action('paymentComplete')).paymentResponse.receiptData).toContain('APPROVED');
  });

  it('C: cancelled on the terminal → CANCELLED', async () => {
    sim.control.script('TERM-003', { outcome: 'CANCELLED' });
    const id = tx();
    pos.send(paymentFrame('TERM-003', id));
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'CANCELLED' });
    expect(sim.control.transactions()[0]?.status).toBe('CANCELLED');
  });

  it('D: deviceId terminal drops mid-payment and returns within grace → reconnecting, connected (new id), paymentComplete', async () => {
    const before = sim.control.terminals().find((t) => t.id === 'TERM-001')!.connectionId;
    sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 10, reconnectAfterMs: 100 });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    const reconnecting = await pos.action('terminalStatusUpdate');
    expect(reconnecting).toMatchObject({ terminalId: 'TERM-001', deviceId: 'TERM-001', status: 'reconnecting', groupId: 'group-1', version: 'v1' });
    await until(() => sim.control.transactions()[0]?.status === 'AWAITING_RECONNECT' || pos.all('terminalStatusUpdate').length > 1);
    const connected = await pos.action('terminalStatusUpdate');
    expect(connected.status).toBe('connected');
    expect(connected.connectionId).toBeDefined();
    expect(connected.connectionId).not.toBe(before);
    expect(connected.terminalInfo).toMatchObject({ connectionId: connected.connectionId, deviceId: 'TERM-001', status: 'online' });
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
    expect(done.connectionId).toBe(connected.connectionId);
    expect(pos.all('terminalStatusUpdate').some((f) => f.status === 'disconnected')).toBe(false);
  });

  it('D: while the terminal is away the transaction is AWAITING_RECONNECT', async () => {
    sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions().length === 1);
    sim.control.dropTerminal('TERM-001');
    await pos.action('terminalStatusUpdate');
    expect(sim.control.transactions()[0]?.status).toBe('AWAITING_RECONNECT');
    sim.control.reconnectTerminal('TERM-001');
    expect((await pos.action('terminalStatusUpdate')).status).toBe('connected');
    expect(sim.control.transactions()[0]?.status).toBe('PENDING');
  });

  it('E: deviceId terminal stays away past grace → disconnected, FAILED, then a late SUCCESS → VOIDED + paymentVoided', async () => {
    sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 10, reconnectAfterMs: 700 });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    expect((await pos.action('terminalStatusUpdate')).status).toBe('reconnecting');
    const gone = await pos.action('terminalStatusUpdate');
    expect(gone).toMatchObject({ terminalId: 'TERM-001', status: 'disconnected', groupId: 'group-1' });
    expect(sim.control.transactions()[0]?.status).toBe('FAILED');
    expect(pos.all('paymentComplete')).toHaveLength(0);
    const voided = await pos.action('paymentVoided');
    expect(voided).toMatchObject({
      terminalId: 'TERM-001',
      transactionId: id,
      reason: 'Terminal reconnected after grace period expired',
      originalPaymentResponse: { transactionId: id, status: 'SUCCESS', amount: '99.99', currency: 'PHP' },
    });
    expect(pos.all('terminalStatusUpdate').map((f) => f.status)).toEqual(['reconnecting', 'disconnected', 'connected']);
    const record = sim.control.transactions()[0]!;
    expect(record.status).toBe('VOIDED');
    expect(record.voidReason).toBe('Terminal reconnected after grace period expired');
    expect(record.voidedAt).toBeDefined();
    expect(pos.all('paymentComplete')).toHaveLength(0);
  });

  it('E: a late FAILED after grace produces no push at all (OQ-16)', async () => {
    sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 10, reconnectAfterMs: 600, resultAfterReconnect: 'FAILED' });
    pos.send(paymentFrame('TERM-001', tx()));
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.status === 'connected', 3_000);
    await pos.sync();
    expect(pos.all('paymentVoided')).toHaveLength(0);
    expect(pos.all('paymentComplete')).toHaveLength(0);
    expect(sim.control.transactions()[0]?.status).toBe('FAILED');
  });

  it('F: terminal without deviceId drops mid-payment → immediate disconnected, no grace, transaction FAILED', async () => {
    const plain = sim.control.terminals().find((t) => !t.deviceId && t.groupId === 'group-1')!;
    sim.control.script(plain.id, { outcome: 'NO_RESPONSE' });
    pos.send(paymentFrame(plain.connectionId!, tx()));
    await until(() => sim.control.transactions().length === 1);
    sim.control.dropTerminal(plain.id);
    const gone = await pos.action('terminalStatusUpdate');
    expect(gone).toMatchObject({ terminalId: plain.connectionId, status: 'disconnected' });
    expect(pos.all('terminalStatusUpdate').some((f) => f.status === 'reconnecting')).toBe(false);
    expect(sim.control.transactions()[0]?.status).toBe('FAILED');
    // It comes back as a new terminal: a new connectionId is its id now.
    sim.control.reconnectTerminal(plain.apiKey);
    const back = await pos.action('terminalStatusUpdate');
    expect(back.status).toBe('connected');
    expect(back.terminalId).toBe(back.connectionId);
    expect(back.terminalId).not.toBe(plain.connectionId);
  });

  it('F: a terminal without deviceId that returns later with SUCCESS → paymentVoided (it has no grace to come back in)', async () => {
    const plain = sim.control.terminals().find((t) => !t.deviceId && t.groupId === 'group-1')!;
    sim.control.script(plain.id, { outcome: 'DROP_MID_PAYMENT', delayMs: 10, reconnectAfterMs: 50 });
    const id = tx();
    pos.send(paymentFrame(plain.connectionId!, id));
    expect((await pos.action('terminalStatusUpdate')).status).toBe('disconnected');
    const voided = await pos.action('paymentVoided');
    expect(voided).toMatchObject({ transactionId: id, originalPaymentResponse: { status: 'SUCCESS' } });
    expect(sim.control.transactions()[0]?.status).toBe('VOIDED');
  });

  it('E: a terminal still holding an abandoned payment refuses the next one with TERMINAL_BUSY instead of hanging', async () => {
    sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const first = tx();
    pos.send(paymentFrame('TERM-001', first));
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.state === 'waiting');
    sim.control.dropTerminal('TERM-001');
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.status === 'disconnected', 3_000);
    sim.control.reconnectTerminal('TERM-001');
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.status === 'connected');
    const second = tx();
    pos.send(paymentFrame('TERM-001', second));
    const refused = await pos.action('paymentComplete');
    expect(refused.paymentResponse).toMatchObject({ transactionId: second, status: 'FAILED', errorCode: 'TERMINAL_BUSY' });
    // The trainer finally approves the old one: too late, it is voided.
    expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
    expect((await pos.action('paymentVoided')).transactionId).toBe(first);
  });

  it('G: POS link drops mid-payment → the result is replayed on the next connection of that key (OQ-15)', async () => {
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 200 });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions().length === 1);
    await pos.close();
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED');
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    const replayed = await pos.action('paymentComplete');
    expect(replayed.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
  });

  it('H: the terminal never answers → after the payment timeout the transaction is FAILED and nothing is pushed (silent mode)', async () => {
    sim.control.setConfig({ paymentTimeoutMs: 150 });
    sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    pos.send(paymentFrame('TERM-001', tx()));
    await until(() => sim.control.transactions()[0]?.status === 'FAILED', 3_000, 'timeout');
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(0);
    expect(sim.control.terminals().find((t) => t.id === 'TERM-001')?.busyWith).toBeUndefined();
  });

  it('H: the failed timeout mode pushes FAILED with errorCode TIMEOUT', async () => {
    sim.control.setConfig({ paymentTimeoutMs: 150, paymentTimeoutMode: 'failed' });
    sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'FAILED', errorCode: 'TIMEOUT', metadata: { orderId: `ORD-${id}` } });
  });

  it('H: at the timeout the gateway tells the terminal to stop, so its screen has nothing left to answer', async () => {
    sim.control.setConfig({ paymentTimeoutMs: 100 });
    sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions()[0]?.status === 'FAILED');
    // The gateway's cancel notice reaches the terminal, whose screen shows it gave up.
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.text === 'TIMED OUT', 3_000, 'cancel notice');
    expect(sim.control.resolve('TERM-001', 'SUCCESS')).toBe(false);
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(0);
  });

  it('H: a terminal that was offline when its payment timed out gets the cancel when it is back, and takes the next payment', async () => {
    sim.control.setConfig({ paymentTimeoutMs: 150, gracePeriodMs: 5_000 });
    sim.control.script('TERM-001', { outcome: 'NO_RESPONSE' });
    const first = tx();
    pos.send(paymentFrame('TERM-001', first));
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-001')?.busyWith === first, 3_000, 'payment on the terminal');
    sim.control.dropTerminal('TERM-001');
    await until(() => sim.control.transactions()[0]?.status === 'FAILED', 3_000, 'timeout while offline');
    sim.control.reconnectTerminal('TERM-001');
    await until(() => sim.control.terminals().find((t) => t.id === 'TERM-001')?.screen?.text === 'TIMED OUT', 3_000, 'missed cancel delivered');
    // Without the missed cancel the terminal would answer every later payment TERMINAL_BUSY.
    const second = tx();
    pos.send(paymentFrame('TERM-001', second));
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: second, status: 'SUCCESS' });
  });

  it('I: PENDING first (not final), then SUCCESS', async () => {
    sim.control.script('TERM-002', { outcome: 'PENDING_THEN_SUCCESS', delayMs: 100 });
    const id = tx();
    pos.send(paymentFrame('TERM-002', id));
    const first = await pos.action('paymentComplete');
    expect(first.paymentResponse).toMatchObject({ transactionId: id, status: 'PENDING' });
    const second = await pos.action('paymentComplete');
    expect(second.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
  });

  it('J: duplicate notification on demand → the same paymentComplete twice', async () => {
    sim.control.faults.duplicateNext();
    const id = tx();
    pos.send(paymentFrame('TERM-001', id));
    const a = await pos.action('paymentComplete');
    const b = await pos.action('paymentComplete');
    expect(b).toEqual(a);
  });

  it('K: a second POS with the same key → forceDisconnect to the older one, then close 4000', async () => {
    const second = await TestPos.connect(sim.url, sim.apiKeys.pos);
    const fd = await pos.action('forceDisconnect');
    expect(fd.reason).toBe('New connection established with the same API key');
    expect(fd.timestamp).toBeDefined();
    await pos.closed;
    expect(pos.closeCode).toBe(4000);
    second.send({ action: 'ping' });
    expect((await second.action('pong')).action).toBe('pong');
    await second.close();
  });

  // L and M: the vendor's own words (GATEWAY-PROTOCOL.md §6.7, source S6), written out literally.
  it('L: payment to a terminal of another group → Forbidden', async () => {
    pos.send(paymentFrame('TERM-901', tx()));
    expect(await pos.error()).toEqual({ error: 'Forbidden', message: 'Cannot send message to connection in different group' });
  });

  it('M: payment to an unknown or offline terminal → Not Found', async () => {
    pos.send(paymentFrame('TERM-404', tx()));
    expect(await pos.error()).toEqual({ error: 'Not Found', message: 'Terminal connection not found' });
    sim.control.dropTerminal('TERM-003');
    await pos.action('terminalStatusUpdate');
    pos.send(paymentFrame('TERM-003', tx()));
    expect(await pos.error()).toEqual({ error: 'Not Found', message: 'Terminal connection not found' });
    expect(sim.control.transactions()).toHaveLength(0);
  });

  it('a payment addressed by raw connectionId reaches the terminal (legacy fallback)', async () => {
    const t = sim.control.terminals().find((x) => x.id === 'TERM-002')!;
    pos.send(paymentFrame(t.connectionId!, tx()));
    const done = await pos.action('paymentComplete');
    expect(done.terminalId).toBe('TERM-002');
  });

  it('generates a UUIDv7 when the request has no transactionId', async () => {
    pos.send({ action: 'payment', terminalId: 'TERM-001', paymentRequest: { amount: 5, currency: 'USD', paymentMethod: 'CARD' } });
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse.transactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await sleep(0);
    expect(pos.invalidFrames()).toHaveLength(0);
  });
});
