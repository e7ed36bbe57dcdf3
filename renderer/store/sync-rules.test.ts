import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPosStore } from './create-store';
import { nextFrame, startSync } from './sync';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, terminal } from '../test/fixtures';

/**
 * How the store follows the main process when things go wrong: a snapshot request that throws or
 * fails while events keep coming, a window closed mid-request, batches with a cap, and the frame
 * scheduler of a minimised window. Vitest's fake timers stand in for the retry wait and frames.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('store sync when the snapshot fails', () => {
  it('a snapshot request that throws shows its message and is retried after the wait, not before', async () => {
    vi.useFakeTimers();
    const fake = new FakeBridge(snapshot({ seq: 4, payments: [payment('p1', { state: 'sent' })] }));
    let attempts = 0;
    fake.respond('getSnapshot', () => {
      attempts++;
      if (attempts === 1) throw new Error('bridge closed');
      if (attempts === 2) throw 'plain words';
      return { ok: true, value: fake.snapshot };
    });
    const store = createPosStore();
    const stop = startSync(fake.bridge, store, { retryMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ synced: false, syncError: 'bridge closed' });
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(2);
    expect(store.getState().syncError).toBe('plain words');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState()).toMatchObject({ synced: true, syncError: null, seq: 4, activePaymentId: 'p1' });
    stop();
  });

  it('without a retry wait given, it asks again after one second', async () => {
    vi.useFakeTimers();
    const fake = new FakeBridge();
    let attempts = 0;
    fake.respond('getSnapshot', () =>
      ++attempts === 1 ? { ok: false, error: { code: 'internal', message: 'core not ready' } } : { ok: true, value: fake.snapshot },
    );
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getState().synced).toBe(true);
    stop();
  });

  it('events arriving while the snapshot keeps failing are kept and applied after it, in seq order', async () => {
    vi.useFakeTimers();
    const fake = new FakeBridge(snapshot({ seq: 10 }));
    let fail = true;
    fake.respond('getSnapshot', () => (fail ? { ok: false, error: { code: 'internal', message: 'busy' } } : { ok: true, value: fake.snapshot }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store, { retryMs: 50 });
    await vi.advanceTimersByTimeAsync(0);
    fake.emit({ type: 'payment', seq: 12, payment: payment('second', { state: 'awaiting_result' }) });
    fake.emit({ type: 'payment', seq: 11, payment: payment('first', { state: 'sent' }) });
    fake.emit({ type: 'payment', seq: 10, payment: payment('inside-snapshot') });
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    const s = store.getState();
    expect(s.seq).toBe(12);
    expect(s.paymentIds).toEqual(['first', 'second']);
    expect(s.paymentsById['inside-snapshot']).toBeUndefined();
    stop();
  });

  it('a stopped sync (window closing) applies nothing more: not a late snapshot, not a retry, not an event', async () => {
    vi.useFakeTimers();
    const fake = new FakeBridge(snapshot({ seq: 3 }));
    let release: () => void = () => undefined;
    fake.respond('getSnapshot', () => new Promise((resolve) => (release = () => resolve({ ok: true, value: fake.snapshot }))));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    stop();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().synced).toBe(false);
    fake.emit({ type: 'payment', seq: 4, payment: payment('after-close') });
    fake.setLinked(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.getState().paymentsById['after-close']).toBeUndefined();
    expect(store.getState().bridgeLinked).toBe(true);
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
  });

  it('a failed snapshot is not retried once the sync is stopped', async () => {
    vi.useFakeTimers();
    const fake = new FakeBridge();
    fake.respond('getSnapshot', () => ({ ok: false, error: { code: 'internal', message: 'down' } }));
    const stop = startSync(fake.bridge, createPosStore(), { retryMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
  });

  it('a link drop while a snapshot is on its way asks only once', async () => {
    const fake = new FakeBridge(snapshot({ seq: 2 }));
    let release: () => void = () => undefined;
    fake.respond('getSnapshot', () => new Promise((resolve) => (release = () => resolve({ ok: true, value: fake.snapshot }))));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    fake.setLinked(true);
    fake.emit({ type: 'payment', seq: 9, payment: payment('gap') });
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    release();
    await settle();
    stop();
  });

  it('an event that overtakes the snapshot after a reconnect waits for it: the approval is not lost under an older snapshot', async () => {
    // The browser host answers commands over HTTP and sends events over a socket, so a snapshot
    // taken at seq 5 can arrive after event 6 was pushed.
    const fake = new FakeBridge(snapshot({ seq: 5, payments: [payment('p1', { state: 'awaiting_result' })] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await settle();
    expect(store.getState()).toMatchObject({ synced: true, seq: 5 });
    const olderSnapshot = fake.snapshot;
    let release: () => void = () => undefined;
    fake.respond('getSnapshot', () => new Promise((resolve) => (release = () => resolve({ ok: true, value: olderSnapshot }))));
    fake.setLinked(true);
    fake.emit({ type: 'payment', seq: 6, payment: payment('p1', { state: 'approved' }) });
    release();
    await settle();
    expect(store.getState().seq).toBe(6);
    expect(store.getState().paymentsById.p1?.state).toBe('approved');
    stop();
  });
});

describe('store sync batches', () => {
  /** A synced store (seq 1) whose flushes wait in `flushes` until the test runs them, as frames would. */
  async function scheduledSync(maxPerFlush?: number) {
    const fake = new FakeBridge(snapshot({ seq: 1 }));
    const store = createPosStore();
    const flushes: (() => void)[] = [];
    const stop = startSync(fake.bridge, store, { schedule: (flush) => flushes.push(flush), ...(maxPerFlush ? { maxPerFlush } : {}) });
    await settle();
    return { fake, store, flushes, stop };
  }

  it('a settings event in a scheduled batch fetches a snapshot after the batch is applied', async () => {
    const { fake, store, flushes, stop } = await scheduledSync();
    fake.emit({ type: 'terminal', seq: 2, terminal: terminal('t3') });
    fake.emit({ type: 'settings', seq: 3, settings: { ...snapshot().settings, storeName: 'Real Shop' } });
    expect(flushes).toHaveLength(1);
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    flushes[0]!();
    expect(store.getState().settings?.storeName).toBe('Real Shop');
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    stop();
  });

  it('a batch without a settings event asks for no snapshot; a flush after stop applies nothing', async () => {
    const { fake, store, flushes, stop } = await scheduledSync();
    fake.emit({ type: 'terminal', seq: 2, terminal: terminal('t3') });
    flushes[0]!();
    expect(fake.callsOf('getSnapshot')).toHaveLength(1);
    fake.emit({ type: 'terminal', seq: 3, terminal: terminal('t4') });
    stop();
    flushes[1]!();
    expect(store.getState().terminalIds).not.toContain('t4');
    expect(store.getState().seq).toBe(2);
  });

  it('with a cap, a flush that exactly empties the queue schedules no other; an extra flush does nothing', async () => {
    const { fake, store, flushes, stop } = await scheduledSync(2);
    fake.emit({ type: 'terminal', seq: 2, terminal: terminal('t3') });
    fake.emit({ type: 'terminal', seq: 3, terminal: terminal('t4') });
    flushes[0]!();
    expect(store.getState().seq).toBe(3);
    expect(flushes).toHaveLength(1);
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    flushes[0]!();
    expect(updates).toBe(0);
    unsubscribe();
    stop();
  });

  it('events accepted but not flushed when a gap resyncs are dropped: the snapshot already holds them', async () => {
    const { fake, store, flushes, stop } = await scheduledSync();
    fake.emit({ type: 'payment', seq: 2, payment: payment('pending-one', { state: 'sent' }) });
    fake.snapshot = snapshot({ seq: 5 });
    fake.emit({ type: 'payment', seq: 5, payment: payment('gap') });
    await settle();
    flushes[0]!();
    expect(store.getState().seq).toBe(5);
    expect(store.getState().paymentsById['pending-one']).toBeUndefined();
    stop();
  });
});

describe('nextFrame', () => {
  it('runs the flush once, at the next animation frame, and cancels the fallback', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const flush = vi.fn();
    nextFrame(flush);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('without frames (a minimised window) the flush still runs after the fallback, once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames: FrameRequestCallback[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => cancelled.push(id));
    try {
      const flush = vi.fn();
      nextFrame(flush);
      vi.advanceTimersByTime(99);
      expect(flush).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(flush).toHaveBeenCalledTimes(1);
      expect(cancelled).toEqual([1]);
      frames[0]!(0);
      expect(flush).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
