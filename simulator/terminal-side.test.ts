import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { GatewayToTerminalFrame, type TerminalPaymentCommand } from './device-frames';
import { startSimulator } from './index';
import { paymentFrame, TestPos, until } from './testing/pos-client';

/** An external terminal speaking the simulator's device protocol (§13.3) over a real socket. */
class ExternalTerminal {
  readonly received: GatewayToTerminalFrame[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const parsed = GatewayToTerminalFrame.safeParse(JSON.parse(d.toString()));
      if (parsed.success) this.received.push(parsed.data);
    });
    ws.on('error', () => {});
  }
  static async connect(url: string, key: string, headers: Record<string, string> = {}): Promise<ExternalTerminal> {
    const ws = new WebSocket(url, { headers: { 'x-api-key': key, ...headers } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new ExternalTerminal(ws);
  }
  async nextPayment(): Promise<TerminalPaymentCommand> {
    await until(() => this.received.some((f) => f.action === 'payment'), 5_000, 'payment command');
    const i = this.received.findIndex((f) => f.action === 'payment');
    return this.received.splice(i, 1)[0] as TerminalPaymentCommand;
  }
  result(response: Record<string, unknown>): void {
    this.ws.send(JSON.stringify({ action: 'paymentResult', paymentResponse: response }));
  }
  close(): void {
    this.ws.terminate();
  }
}

describe('terminal side (§13.3)', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;
  let term: ExternalTerminal | undefined;

  beforeEach(async () => {
    sim = await startSimulator({
      gracePeriodMs: 150,
      paymentTimeoutMs: 3_000,
      config: {
        keys: {
          'pos-1': { role: 'desktop', groupId: 'g' },
          'ext-1': { role: 'terminal', groupId: 'g', deviceId: 'EXT-1', autoConnect: false },
          'ext-2': { role: 'terminal', groupId: 'g', autoConnect: false },
        },
      },
    });
    pos = await TestPos.connect(sim.url, 'pos-1');
  });
  afterEach(async () => {
    term?.close();
    await pos.close();
    await sim.close();
  });

  it('a terminal with autoConnect:false is not connected until an external client uses its key', async () => {
    pos.send({ action: 'getTerminals' });
    expect((await pos.action('terminalsResponse')).terminals).toEqual([]);
    term = await ExternalTerminal.connect(sim.url, 'ext-1', { 'x-terminal-metadata': '{"label":"Front desk"}' });
    const connected = await pos.action('terminalStatusUpdate');
    expect(connected).toMatchObject({ terminalId: 'EXT-1', status: 'connected', terminalInfo: { metadata: { label: 'Front desk' } } });
    expect(sim.control.terminals()[0]?.virtual).toBe(false);
  });

  it('x-device-id gives a terminal key a deviceId', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-2', { 'x-device-id': 'KIOSK-7' });
    expect((await pos.action('terminalStatusUpdate')).terminalId).toBe('KIOSK-7');
  });

  it('x-device-id naming a deviceId that belongs to another key is refused (Conflict, close 1008)', async () => {
    const intruder = await TestPos.connect(sim.url, 'ext-2', { headers: { 'x-device-id': 'EXT-1' } });
    expect(await intruder.error()).toEqual({ error: 'Conflict', message: 'deviceId EXT-1 belongs to another terminal key' });
    await intruder.closed;
    expect(intruder.closeCode).toBe(1008);
    expect(sim.control.terminals()).toHaveLength(0);
  });

  it('payment command → PENDING progress → final result, forwarded to the POS with metadata echoed', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    await pos.action('terminalStatusUpdate');
    const id = uuidv7();
    pos.send(paymentFrame('EXT-1', id));
    const cmd = await term.nextPayment();
    expect(cmd).toMatchObject({ transactionId: id, paymentRequest: { amount: '99.99', currency: 'PHP' } });
    expect(cmd.sourceConnectionId).toBeDefined();
    term.result({ transactionId: id, status: 'PENDING' });
    expect((await pos.action('paymentComplete')).paymentResponse.status).toBe('PENDING');
    // A terminal that forgets amount/metadata still produces a complete PaymentResponse.
    term.result({ transactionId: id, status: 'SUCCESS', authorizationCode: 'A1' });
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({
      transactionId: id,
      status: 'SUCCESS',
      amount: '99.99',
      currency: 'PHP',
      paymentMethod: 'CARD',
      metadata: { orderId: `ORD-${id}` },
    });
    // A second final result for the same payment is not forwarded.
    term.result({ transactionId: id, status: 'FAILED' });
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(2);
  });

  it('a result for a transaction of another terminal, or an unknown one, is ignored', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    await pos.action('terminalStatusUpdate');
    term.result({ transactionId: 'not-mine', status: 'SUCCESS' });
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(0);
  });

  it('terminal ping → pong with timestamp; POS actions from a terminal key → Forbidden; bad result → Bad Request', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    const t = term;
    const raw: string[] = [];
    t.ws.on('message', (d) => raw.push(d.toString()));
    t.ws.send('{"action":"ping"}');
    t.ws.send('{"action":"getTerminals"}');
    t.ws.send('{"action":"paymentResult","paymentResponse":{"status":"WHAT"}}');
    await until(() => raw.length >= 3);
    expect(JSON.parse(raw[0]!)).toMatchObject({ action: 'pong' });
    expect(JSON.parse(raw[1]!)).toEqual({ error: 'Forbidden', message: 'Action not allowed for a terminal key' });
    expect(JSON.parse(raw[2]!).error).toBe('Bad Request');
  });

  it('terminal traffic updates lastActivity in terminalsResponse', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    await pos.action('terminalStatusUpdate');
    pos.send({ action: 'getTerminals' });
    const before = (await pos.action('terminalsResponse')).terminals[0]!;
    await new Promise((r) => setTimeout(r, 20));
    term.ws.send('{"action":"ping"}');
    await until(() => term!.received.some((f) => f.action === 'pong'));
    pos.send({ action: 'getTerminals' });
    const after = (await pos.action('terminalsResponse')).terminals[0]!;
    expect(Date.parse(after.lastActivity!)).toBeGreaterThan(Date.parse(before.lastActivity!));
    expect(after.connectedAt).toBe(before.connectedAt);
  });

  it('a SUCCESS after the payment timeout → VOIDED + paymentVoided, and voidPayment to the terminal', async () => {
    sim.control.setConfig({ paymentTimeoutMs: 100 });
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    await pos.action('terminalStatusUpdate');
    const id = uuidv7();
    pos.send(paymentFrame('EXT-1', id));
    await term.nextPayment();
    await until(() => term!.received.some((f) => f.action === 'cancelPayment'), 3_000, 'cancel notice');
    expect(sim.control.transactions()[0]?.status).toBe('FAILED');
    term.result({ transactionId: id, status: 'SUCCESS' });
    const voided = await pos.action('paymentVoided');
    expect(voided.transactionId).toBe(id);
    expect(voided.reason).toBe('Terminal answered after the payment timed out');
    await until(() => term!.received.some((f) => f.action === 'voidPayment'), 3_000, 'void notice');
    expect(sim.control.transactions()[0]?.status).toBe('VOIDED');
  });

  it('a terminal that re-sends its result after reconnecting within grace completes the payment (§13.3)', async () => {
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    await pos.action('terminalStatusUpdate');
    const id = uuidv7();
    pos.send(paymentFrame('EXT-1', id));
    await term.nextPayment();
    term.close();
    expect((await pos.action('terminalStatusUpdate')).status).toBe('reconnecting');
    term = await ExternalTerminal.connect(sim.url, 'ext-1');
    expect((await pos.action('terminalStatusUpdate')).status).toBe('connected');
    term.result({ transactionId: id, status: 'SUCCESS' });
    expect((await pos.action('paymentComplete')).paymentResponse.status).toBe('SUCCESS');
  });
});
