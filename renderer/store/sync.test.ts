import { describe, expect, it } from 'vitest';
import { createPosStore } from './create-store';
import { startSync } from './sync';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, terminal, voidAlert } from '../test/fixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('store sync: snapshot then deltas', () => {
  it('applies the snapshot into every slice', async () => {
    const fake = new FakeBridge(snapshot({ seq: 7, payments: [payment('a')], alerts: [voidAlert('v1')] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    const s = store.getState();
    expect(s.synced).toBe(true);
    expect(s.seq).toBe(7);
    expect(s.terminalIds).toEqual(['t1', 't2']);
    expect(s.paymentsById.a?.state).toBe('approved');
    expect(s.alerts.map((a) => a.id)).toEqual(['v1']);
    expect(s.settings?.storeName).toBe('Corner Shop');
    stop();
  });

  it('applies seq+1 deltas, ignores stale ones, and resyncs on a gap', async () => {
    const fake = new FakeBridge(snapshot({ seq: 10 }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);

    fake.emit({ type: 'terminal', seq: 11, terminal: terminal('t3') });
    expect(store.getState().terminalIds).toContain('t3');
    expect(store.getState().seq).toBe(11);

    // A stale event (already applied) changes nothing.
    fake.emit({ type: 'terminalRemoved', seq: 11, terminalId: 't3' });
    expect(store.getState().terminalIds).toContain('t3');

    // Gap: 12 is missing. The main process's snapshot (seq 13) is the truth.
    fake.snapshot = snapshot({ seq: 13, terminals: [terminal('t9')] });
    fake.emit({ type: 'payment', seq: 13, payment: payment('late') });
    expect(store.getState().paymentsById.late).toBeUndefined();
    await flush();
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    expect(store.getState().seq).toBe(13);
    expect(store.getState().terminalIds).toEqual(['t9']);

    fake.emit({ type: 'payment', seq: 14, payment: payment('next') });
    expect(store.getState().paymentsById.next?.transactionId).toBe('next');
    stop();
  });

  it('replays events that arrive while the snapshot is on its way', async () => {
    const fake = new FakeBridge(snapshot({ seq: 5 }));
    let release: () => void = () => undefined;
    fake.respond('getSnapshot', () => new Promise((resolve) => (release = () => resolve({ ok: true, value: fake.snapshot }))));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    fake.emit({ type: 'payment', seq: 5, payment: payment('old') });
    fake.emit({ type: 'payment', seq: 6, payment: payment('new') });
    release();
    await flush();
    expect(store.getState().seq).toBe(6);
    expect(store.getState().paymentsById.new).toBeDefined();
    // seq 5 is already inside the snapshot: not applied on top.
    expect(store.getState().paymentsById.old).toBeUndefined();
    stop();
  });

  it('retries a failed snapshot and shows why meanwhile', async () => {
    const fake = new FakeBridge();
    let fail = true;
    fake.respond('getSnapshot', () => (fail ? { ok: false, error: { code: 'internal', message: 'core not ready' } } : { ok: true, value: fake.snapshot }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store, { retryMs: 5 });
    await flush();
    expect(store.getState().synced).toBe(false);
    expect(store.getState().syncError).toBe('core not ready');
    fail = false;
    // Node runs due timers in the order they fall due, and the snapshot answers at once: the 5 ms
    // retry and its snapshot have landed before this 20 ms wait ends, however loaded the machine.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().synced).toBe(true);
    expect(store.getState().syncError).toBeNull();
    stop();
  });

  it('resyncs when the bridge link comes back and reports it while down', async () => {
    const fake = new FakeBridge();
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    fake.setLinked(false);
    expect(store.getState().bridgeLinked).toBe(false);
    fake.snapshot = snapshot({ seq: 50, payments: [payment('while-away')] });
    fake.setLinked(true);
    await flush();
    expect(store.getState().bridgeLinked).toBe(true);
    expect(store.getState().paymentsById['while-away']).toBeDefined();
    stop();
  });

  it('removes an alert only when its event says acknowledged', async () => {
    const fake = new FakeBridge(snapshot({ seq: 1, alerts: [voidAlert('v1'), voidAlert('v2')] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    fake.emit({ type: 'alert', seq: 2, alert: voidAlert('v3') });
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['v1', 'v2', 'v3']);
    fake.emit({ type: 'alert', seq: 3, alert: voidAlert('v1', { acknowledgedAt: Date.now() }) });
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['v2', 'v3']);
    stop();
  });

  it('with a scheduler, a burst of consecutive events becomes one store update, gaps still resync', async () => {
    const fake = new FakeBridge(snapshot({ seq: 1 }));
    const store = createPosStore();
    const flushes: (() => void)[] = [];
    const stop = startSync(fake.bridge, store, { schedule: (flush) => flushes.push(flush) });
    await flush();
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    for (let i = 0; i < 50; i++) fake.emit({ type: 'terminal', seq: 2 + i, terminal: terminal(`b${i}`) });
    // A duplicate of an accepted-but-not-applied event is still recognised as stale.
    fake.emit({ type: 'terminalRemoved', seq: 30, terminalId: 'b0' });
    expect(store.getState().terminalIds).not.toContain('b0');
    expect(flushes).toHaveLength(1);
    flushes[0]!();
    expect(updates).toBe(1);
    expect(store.getState().seq).toBe(51);
    expect(store.getState().terminalIds).toContain('b0');
    expect(store.getState().terminalIds).toContain('b49');

    // A gap after pending events: the snapshot (which holds them) is the truth.
    fake.emit({ type: 'terminal', seq: 52, terminal: terminal('c1') });
    fake.snapshot = snapshot({ seq: 60, terminals: [terminal('t9')] });
    fake.emit({ type: 'terminal', seq: 54, terminal: terminal('c3') });
    await flush();
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    expect(store.getState().seq).toBe(60);
    expect(store.getState().terminalIds).toEqual(['t9']);
    unsubscribe();
    stop();
  });

  it('after a settings event, fetches a snapshot so the app info (demo ribbon) is current', async () => {
    const fake = new FakeBridge(snapshot({ seq: 3, app: { ...snapshot().app, demo: { enabled: true } } }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    expect(store.getState().app?.demo.enabled).toBe(true);
    fake.snapshot = snapshot({ seq: 4 });
    fake.emit({ type: 'settings', seq: 4, settings: { ...snapshot().settings, storeName: 'Real Shop' } });
    expect(store.getState().settings?.storeName).toBe('Real Shop');
    await flush();
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    expect(store.getState().app?.demo.enabled).toBe(false);
    stop();
  });

  it('a fresh start follows the newest open payment again (a reload mid-payment), but never replaces one being followed', async () => {
    const fake = new FakeBridge(
      snapshot({
        payments: [
          payment('old-open', { state: 'unknown', createdAt: 1_000 }),
          payment('newest-open', { state: 'awaiting_result', createdAt: 3_000 }),
          payment('newest-done', { state: 'approved', createdAt: 4_000 }),
        ],
      }),
    );
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    expect(store.getState().activePaymentId).toBe('newest-open');

    store.getState().setActivePayment('old-open');
    fake.setLinked(true);
    await flush();
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    expect(store.getState().activePaymentId).toBe('old-open');
    stop();
  });

  it('a fresh start with only final payments shows the form', async () => {
    const fake = new FakeBridge(snapshot({ payments: [payment('done', { state: 'approved' })] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    expect(store.getState().activePaymentId).toBeNull();
    stop();
  });

  it('a batch folds mixed events in order; with a cap, the rest follows in the next flush', async () => {
    const fake = new FakeBridge(snapshot({ seq: 1 }));
    const store = createPosStore();
    const flushes: (() => void)[] = [];
    const stop = startSync(fake.bridge, store, { schedule: (flush) => flushes.push(flush), maxPerFlush: 4 });
    await flush();
    fake.emit({ type: 'terminal', seq: 2, terminal: terminal('t1', { presence: 'reconnecting', payable: false }) });
    fake.emit({ type: 'terminalRemoved', seq: 3, terminalId: 't2' });
    fake.emit({ type: 'payment', seq: 4, payment: payment('p1', { state: 'awaiting_result' }) });
    fake.emit({ type: 'terminal', seq: 5, terminal: terminal('t2', { label: 'Back again' }) });
    fake.emit({ type: 'terminal', seq: 6, terminal: terminal('t1') });
    expect(flushes).toHaveLength(1);
    flushes[0]!();
    let s = store.getState();
    expect(s.seq).toBe(5);
    // The cards are in name order (till: a stable order), so "Back again" comes before "Till t1".
    expect(s.terminalIds).toEqual(['t2', 't1']);
    expect(s.terminalsById.t1?.presence).toBe('reconnecting');
    expect(s.terminalsById.t2?.label).toBe('Back again');
    expect(s.paymentsById.p1?.state).toBe('awaiting_result');
    // The sixth event waits for the next flush, and a duplicate of it is still recognised.
    expect(flushes).toHaveLength(2);
    fake.emit({ type: 'terminal', seq: 6, terminal: terminal('t1', { label: 'duplicate' }) });
    flushes[1]!();
    s = store.getState();
    expect(s.seq).toBe(6);
    expect(s.terminalsById.t1?.presence).toBe('online');
    expect(s.terminalsById.t1?.label).toBe('Till t1');
    stop();
  });

  it('a payment the gateway voids after the register gave up replaces the earlier state (found by the test audit)', async () => {
    const fake = new FakeBridge(snapshot({ seq: 1, payments: [payment('late', { state: 'abandoned' })] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    fake.emit({ type: 'payment', seq: 2, payment: payment('late', { state: 'voided', voidReason: 'Terminal returned after the grace period' }) });
    expect(store.getState().paymentsById.late).toMatchObject({ state: 'voided', voidReason: 'Terminal returned after the grace period' });
    expect(store.getState().paymentIds).toEqual(['late']);
    stop();
  });
});
