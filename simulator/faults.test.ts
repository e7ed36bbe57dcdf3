import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import type { SimulatorHandle } from './api';
import { startSimulator } from './index';
import { paymentFrame, TestPos, until } from './testing/pos-client';

/** Fault switches (§13.4 item 10), replay (OQ-15) and the simulated gateway restart. */
describe('faults on demand', () => {
  let sim: SimulatorHandle;
  let pos: TestPos;

  beforeEach(async () => {
    sim = await startSimulator({ gracePeriodMs: 2_000, paymentTimeoutMs: 5_000, defaultDelayMs: 20 });
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
  });
  afterEach(async () => {
    await pos.close();
    await sim.close();
  });

  it('duplicateNext sends only the next push twice', async () => {
    sim.control.faults.duplicateNext();
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await pos.action('paymentComplete');
    await pos.action('paymentComplete');
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await pos.action('paymentComplete');
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(3);
  });

  it('duplicateNext(action) lets other pushes pass and sends the next push of that action twice', async () => {
    sim.control.faults.duplicateNext('paymentComplete');
    sim.control.dropTerminal('TERM-002', { reconnectAfterMs: 0 });
    await pos.action('terminalStatusUpdate');
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await pos.action('paymentComplete');
    await pos.action('paymentComplete');
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(2);
    const updates = pos.all('terminalStatusUpdate').map((f) => JSON.stringify(f));
    expect(new Set(updates).size).toBe(updates.length); // none of those was doubled
  });

  it('delayPushes holds every push back; replies (pong) are not pushes and are not delayed', async () => {
    sim.control.faults.delayPushes(1_500);
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 0 });
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED');
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(0);
    await pos.action('paymentComplete');
    sim.control.faults.delayPushes(0);
  });

  it('reorderNext swaps the next two pushes', async () => {
    sim.control.faults.reorderNext();
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 0 });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED');
    // The paymentComplete is held; the next push (a status update) overtakes it.
    sim.control.dropTerminal('TERM-002');
    const first = await pos.next((f) => f.kind === 'frame' && f.frame.action !== 'pong');
    const second = await pos.next((f) => f.kind === 'frame' && f.frame.action !== 'pong');
    expect(first.kind === 'frame' && first.frame.action).toBe('terminalStatusUpdate');
    expect(second.kind === 'frame' && second.frame.action).toBe('paymentComplete');
  });

  it('dropPosConnections({silent:false}) closes with a close frame (1001)', async () => {
    sim.control.faults.dropPosConnections({ silent: false });
    await pos.closed;
    expect(pos.closeCode).toBe(1001);
  });

  it('dropPosConnections({silent:true}) cuts the TCP connection with no close frame (1006)', async () => {
    sim.control.faults.dropPosConnections({ silent: true });
    await pos.closed;
    expect(pos.closeCode).toBe(1006);
  });

  it('dropPosConnections({halfOpen:true}) keeps TCP up but goes quiet: no pong, pushes kept for the next connection', async () => {
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 100 });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions().length === 1);
    sim.control.faults.dropPosConnections({ silent: true, halfOpen: true });
    pos.send({ action: 'ping' });
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED');
    // The gateway's own log says what it sent on that connection after going quiet: nothing.
    // (Checked at the source, so no wait for frames that might still be on their way.)
    const log = sim.control.log();
    const quietAt = log.findIndex((e) => (e.frame as { event?: string }).event === 'half-open');
    expect(quietAt).toBeGreaterThanOrEqual(0);
    const connection = log[quietAt]!.connection;
    expect(log.slice(quietAt).filter((e) => e.connection === connection && e.dir === 'out')).toEqual([]);
    expect(pos.closeCode).toBeUndefined();
    expect(pos.all('pong')).toHaveLength(0);
    expect(pos.all('paymentComplete')).toHaveLength(0);
    // The client's heartbeat gives up and reconnects: the result is replayed there.
    await pos.close();
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    expect((await pos.action('paymentComplete')).paymentResponse.transactionId).toBe(id);
  });

  it('ignorePings stops pongs (other replies still flow); switching back resumes them', async () => {
    sim.control.faults.ignorePings(true);
    pos.send({ action: 'ping' });
    pos.send({ action: 'getTerminals' });
    // Frames are answered in order on one TCP stream: a pong for the ping would have come
    // before this reply, so once it is here there is nothing left to wait for.
    await pos.action('terminalsResponse');
    expect(pos.all('pong')).toHaveLength(0);
    sim.control.faults.ignorePings(false);
    await pos.sync();
  });

  it('replay on reconnect delivers a paymentVoided that happened while the POS was away', async () => {
    sim.control.setConfig({ gracePeriodMs: 100 });
    sim.control.script('TERM-001', { outcome: 'DROP_MID_PAYMENT', delayMs: 10, reconnectAfterMs: 400 });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await pos.next((f) => f.kind === 'frame' && f.frame.action === 'terminalStatusUpdate' && f.frame.status === 'disconnected');
    await pos.close();
    await until(() => sim.control.transactions()[0]?.status === 'VOIDED', 3_000, 'void');
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    const voided = await pos.action('paymentVoided');
    expect(voided.transactionId).toBe(id);
    // Replayed once only.
    await pos.close();
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    await pos.sync();
    expect(pos.all('paymentVoided')).toHaveLength(0);
  });

  it('with replayOnReconnect off, a result missed while away is not sent again', async () => {
    sim.control.setConfig({ replayOnReconnect: false });
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 100 });
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await until(() => sim.control.transactions().length === 1);
    await pos.close();
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED');
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    await pos.sync();
    expect(pos.all('paymentComplete')).toHaveLength(0);
  });

  it('restart: every socket closes (1012), upgrades are refused while down, terminals come back, transactions survive', async () => {
    pos.send(paymentFrame('TERM-001', uuidv7()));
    await pos.action('paymentComplete');
    const restarting = sim.control.restart({ downMs: 200 });
    await pos.closed;
    expect(pos.closeCode).toBe(1012);
    await expect(TestPos.connect(sim.url, sim.apiKeys.pos)).rejects.toThrow('HTTP 503');
    expect((await fetch(`${sim.httpUrl}/v1/terminals`)).status).toBe(503);
    expect((await fetch(`${sim.httpUrl}/__sim/state`)).status).toBe(200);
    await restarting;
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    pos.send({ action: 'getTerminals' });
    const list = await pos.action('terminalsResponse');
    expect(list.terminals.filter((t) => t.status === 'online')).toHaveLength(4);
    expect(sim.control.transactions()).toHaveLength(1);
    expect(sim.control.transactions()[0]?.status).toBe('COMPLETED');
  });

  it('restart mid-payment: the deviceId terminal returns within grace and the result is replayed to the POS', async () => {
    sim.control.script('TERM-001', { outcome: 'SUCCESS', delayMs: 300 });
    const id = uuidv7();
    pos.send(paymentFrame('TERM-001', id));
    await until(() => sim.control.transactions().length === 1);
    await sim.control.restart({ downMs: 100 });
    await until(() => sim.control.transactions()[0]?.status === 'COMPLETED', 3_000, 'completion');
    pos = await TestPos.connect(sim.url, sim.apiKeys.pos);
    const done = await pos.action('paymentComplete');
    expect(done.paymentResponse).toMatchObject({ transactionId: id, status: 'SUCCESS' });
  });
});
