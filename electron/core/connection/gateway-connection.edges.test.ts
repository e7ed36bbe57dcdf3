import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectionUnderTest as setup, TEST_ENDPOINT as ENDPOINT } from '../testing/connection-under-test';

/** GatewayConnection's edges: what it logs, what it shows before anything happened, late events. */
describe('gateway connection: edges', () => {
  it('before any configuration: idle, "No gateway configured", no endpoint, not open', () => {
    const { conn } = setup();
    expect(conn.view()).toMatchObject({ state: 'idle', reason: 'No gateway configured', endpoint: '', attempt: 0 });
    expect(conn.isOpen()).toBe(false);
  });

  it("logs every state change once, with from, to and reason; the link's errors and closes with their facts", () => {
    const { connect, logged, conn } = setup();
    const ws = connect();
    expect(logged('connection.state').map((l) => [l.from, l.to])).toEqual([
      ['idle', 'connecting'],
      ['connecting', 'open'],
    ]);
    ws.fail('boom');
    ws.serverClose(1006, 'gone');
    expect(logged('connection.error')).toMatchObject([{ level: 'warn', message: 'boom' }]);
    expect(logged('connection.closed')).toMatchObject([{ code: 1006, reason: 'gone', opened: true }]);
    expect(logged('connection.state').at(-1)).toMatchObject({ from: 'open', to: 'backoff', reason: 'Connection lost: gone' });
    conn.checkNow(); // backoff → connecting
    expect(logged('connection.state').at(-1)).toMatchObject({ from: 'backoff', to: 'connecting' });
  });

  it('logs what it sends (not pings), a refused key, a displacement and a socket it could not create', () => {
    const first = setup();
    const ws = first.connect();
    expect(first.logged('frame.out')).toMatchObject([{ level: 'info', frame: { action: 'getTerminals' } }]);
    ws.receive({ action: 'forceDisconnect', reason: 'other till' });
    expect(first.logged('connection.displaced')).toMatchObject([{ level: 'warn', reason: 'other till' }]);
    const refused = setup();
    refused.configure();
    refused.wire.last().fail('Unexpected server response: 401');
    refused.wire.last().serverClose(1006);
    expect(refused.logged('connection.auth_failed')).toMatchObject([{ level: 'error', message: expect.stringContaining('HTTP 401') }]);
    const broken = setup();
    broken.wire.throwNext('no sockets today');
    broken.configure();
    expect(broken.logged('connection.create_failed')).toMatchObject([{ level: 'error', message: 'Error: no sockets today' }]);
  });

  it('a policy close code before the socket ever opened is a failed connect, not a refused key', () => {
    const { conn, configure, wire } = setup();
    configure();
    wire.last().serverClose(4001, 'nope');
    expect(conn.view()).toMatchObject({ state: 'backoff', reason: 'Could not connect: nope' });
  });

  it('a policy close of a retry that never opened is a failed connect, even right after an earlier socket opened', () => {
    const { conn, connect, clock, wire } = setup();
    connect().serverClose(1006, 'gone');
    clock.advance(500); // the first retry (full jitter of 1 s, random 0.5)
    expect(wire.sockets.length).toBe(2);
    wire.last().serverClose(4001, 'nope');
    expect(conn.view()).toMatchObject({ state: 'backoff', reason: 'Could not connect: nope' });
  });

  it('auth_failed shows no "next retry" time (only backoff does)', () => {
    const { conn, configure, wire } = setup();
    configure();
    wire.last().fail('Unexpected server response: 403');
    wire.last().serverClose(1006);
    expect(conn.view().state).toBe('auth_failed');
    expect(Object.keys(conn.view())).not.toContain('nextRetryAt');
  });

  it('a new configuration closes the open socket with its reason; a socket still connecting goes without a "down"', () => {
    const { conn, connect, configure, events, wire } = setup();
    const ws = connect();
    configure();
    expect(ws.closedWith).toEqual({ code: 1000, reason: 'configuration changed' });
    expect(events.filter((e) => e.type === 'down')).toEqual([{ type: 'down', reason: 'configuration changed' }]);
    const connecting = wire.last();
    conn.reconnectNow();
    expect(connecting.terminated).toBe(true);
    expect(events.filter((e) => e.type === 'down')).toHaveLength(1);
  });

  it('checkNow while still connecting does not start another socket', () => {
    const { conn, configure, wire } = setup();
    configure();
    conn.checkNow();
    expect(wire.sockets).toHaveLength(1);
  });

  it('a retry cancelled by "reconnect now" never fires later on top of the next one', () => {
    const { clock, conn, connect, wire } = setup({}, { pingIntervalMs: 3_600_000 });
    connect().serverClose(1006); // retry due at 500 ms
    clock.advance(300);
    conn.checkNow(); // reconnect now: socket 2
    wire.last().serverClose(1006); // attempt 0 again: next retry at 800 ms
    clock.advance(200); // 500 ms: the cancelled retry must not fire
    expect(wire.sockets).toHaveLength(2);
    clock.advance(299);
    expect(wire.sockets).toHaveLength(2);
    clock.advance(1);
    expect(wire.sockets).toHaveLength(3);
    expect(conn.view().state).toBe('connecting');
  });

  it('while the gateway is closing the socket (close frame in, "close" not yet), a frame is not reported sent', () => {
    // ws drops a send on a CLOSING socket without throwing: only the readyState check stops a
    // payment being counted as sent when it never left.
    const { conn, connect, events } = setup();
    const ws = connect();
    ws.readyState = WebSocket.CLOSING;
    const sentBefore = events.filter((e) => e.type === 'sent').length;
    expect(conn.isOpen()).toBe(true);
    expect(conn.send({ action: 'getTerminals' })).toBe(false);
    expect(ws.actions()).toEqual(['getTerminals']);
    expect(events.filter((e) => e.type === 'sent')).toHaveLength(sentBefore);
  });

  it('a late "open" of a socket already given up changes nothing', () => {
    const { conn, configure, wire } = setup();
    configure();
    const old = wire.last();
    conn.reconnectNow();
    old.open();
    expect(conn.view().state).toBe('connecting');
    expect(old.sent).toEqual([]);
    wire.last().open();
    expect(conn.view().state).toBe('open');
  });

  it('a listener that throws is logged and the others still hear every event; an unsubscribed one hears nothing', () => {
    const { conn, connect, logged } = setup();
    const heard: string[] = [];
    const off = conn.on((e) => heard.push(e.type));
    conn.on(() => {
      throw new Error('listener bug');
    });
    const ws = connect();
    expect(heard).toContain('open');
    expect(logged('connection.listener_failed')[0]).toMatchObject({ level: 'error', message: 'listener bug' });
    off();
    const count = heard.length;
    ws.serverClose(1006);
    expect(heard).toHaveLength(count);
    expect(conn.view().endpoint).toBe(ENDPOINT);
  });

  it("the PC's clock set forward during a long retry wait: becoming urgent still brings the retry within the urgent cap", () => {
    const { conn, clock, connect, wire } = setup({}, { backoff: { baseMs: 1_000, capMs: 60_000, urgentCapMs: 1_000, random: () => 0.99 } });
    const ws = connect();
    // Six drops in a row: the next retry is almost a minute away.
    ws.serverClose(1006, 'gone');
    for (let i = 0; i < 5; i += 1) {
      clock.advance(60_000);
      wire.last().serverClose(1006, 'gone');
    }
    expect(conn.view().state).toBe('backoff');
    const sockets = wire.sockets.length;
    clock.jump(3_600_000);
    conn.setUrgent(true);
    clock.advance(1_000);
    expect(wire.sockets.length).toBe(sockets + 1);
  });

  it("a policy close right after open is still a refused key when the PC's clock was set forward in between", () => {
    const { clock, conn, connect } = setup();
    const ws = connect();
    clock.jump(3_600_000);
    clock.advance(500);
    ws.serverClose(4001, 'bad key');
    expect(conn.view().state).toBe('auth_failed');
  });
});
