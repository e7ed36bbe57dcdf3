import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBridgeToken } from './index';
import { bridgeUrl, createWsBridge } from './ws-bridge-client';
import { payment } from '../test/fixtures';

/** Stands in for the browser's WebSocket (the host on the other end is not under test here). */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function setup() {
  FakeSocket.all = [];
  const bridge = createWsBridge({ url: 'ws://127.0.0.1:1/bridge?token=t', retryMs: 5, WebSocketImpl: FakeSocket as unknown as typeof WebSocket });
  return { bridge, socket: () => FakeSocket.all[FakeSocket.all.length - 1]! };
}

afterEach(() => vi.useRealTimers());

describe('WebSocket bridge client', () => {
  it('builds the bridge URL from the page location', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:5173' }, 'a b')).toBe('ws://127.0.0.1:5173/bridge?token=a%20b');
    expect(bridgeUrl({ protocol: 'https:', host: 'x' }, 't')).toBe('wss://x/bridge?token=t');
  });

  it('invokes a command and resolves with the matching result', async () => {
    const { bridge, socket } = setup();
    socket().open();
    const pending = bridge.reconnectNow({});
    expect(socket().sent).toEqual([{ type: 'invoke', id: 1, name: 'reconnectNow', request: {} }]);
    socket().receive({ type: 'result', id: 99, result: { ok: true, value: 'not mine' } });
    socket().receive({ type: 'result', id: 1, result: { ok: true, value: { done: true } } });
    await expect(pending).resolves.toEqual({ ok: true, value: { done: true } });
    bridge.close();
  });

  it('delivers valid events and drops malformed messages without throwing', () => {
    const { bridge, socket } = setup();
    socket().open();
    const seen: number[] = [];
    bridge.on((e) => seen.push(e.seq));
    socket().receive('not json');
    socket().receive({ type: 'event', event: { type: 'payment', seq: 3 } });
    socket().receive({ type: 'event', event: { type: 'payment', seq: 4, payment: payment('x') } });
    expect(seen).toEqual([4]);
    bridge.close();
  });

  it('a listener that throws does not keep the event from the others', () => {
    const { bridge, socket } = setup();
    socket().open();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: number[] = [];
    bridge.on(() => {
      throw new Error('a screen fell over');
    });
    bridge.on((e) => seen.push(e.seq));
    socket().receive({ type: 'event', event: { type: 'payment', seq: 5, payment: payment('x') } });
    expect(seen).toEqual([5]);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
    bridge.close();
  });

  it('answers offline at once while the link is down, never queueing a command', async () => {
    const { bridge, socket } = setup();
    const result = await bridge.startPayment({ terminalId: 't', amountMinor: 1, currency: 'USD', paymentMethod: 'CARD', orderRef: 'o' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('offline');
    socket().open();
    expect(socket().sent).toEqual([]);
    bridge.close();
  });

  it('fails pending commands on close, reports the link, and reconnects by itself', async () => {
    vi.useFakeTimers();
    const { bridge, socket } = setup();
    const links: boolean[] = [];
    bridge.onLinkChange?.((linked) => links.push(linked));
    const first = socket();
    first.open();
    const pending = bridge.getDiagnostics({});
    first.close();
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('offline');
    expect(links).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.all.length).toBe(2);
    socket().open();
    expect(links).toEqual([true, false, true]);
    bridge.close();
  });
});

describe('bridge token', () => {
  it('takes the token from the URL and keeps it for a reload', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    expect(readBridgeToken({ search: '?token=abc' }, storage)).toBe('abc');
    expect(readBridgeToken({ search: '' }, storage)).toBe('abc');
    expect(readBridgeToken({ search: '' }, undefined)).toBeNull();
  });
});
