import { describe, expect, it } from 'vitest';
import { connectionUnderTest as setup, TEST_ENDPOINT as ENDPOINT } from '../testing/connection-under-test';

/**
 * GatewayConnection's rules with a scripted socket and a FakeClock (no network, exact timings).
 * The same rules against the real simulator: connection.int.test.ts, heartbeat-link.int.test.ts.
 * More edges (logs, late events of old sockets, listeners): gateway-connection.edges.test.ts.
 */
describe('gateway connection (scripted socket)', () => {
  it('opens with the key and group in headers, asks for the terminals, and says so', () => {
    const { wire, conn, connect, types } = setup({ groupId: 'group-1' });
    const ws = connect();
    expect(wire.sockets).toHaveLength(1);
    expect(ws.url).toBe(ENDPOINT);
    expect(ws.options).toEqual({ headers: { 'x-api-key': 'key-1234567', 'x-group-id': 'group-1' }, handshakeTimeout: 5_000, maxPayload: 1_000_000 });
    expect(ws.actions()).toEqual(['getTerminals']);
    expect(types()).toEqual(['state:connecting', 'state:open', 'sent', 'open']);
    expect(conn.isOpen()).toBe(true);
    expect(conn.view()).toMatchObject({ state: 'open', endpoint: ENDPOINT, attempt: 0, reconnectsToday: 0 });
    expect(conn.view()).not.toHaveProperty('reason');
  });

  it('sends no x-group-id without a group', () => {
    const { connect } = setup();
    expect(connect().options.headers).toEqual({ 'x-api-key': 'key-1234567' });
  });

  it('stays idle, with the reason, when there is nothing (valid) to connect to', () => {
    const { wire, conn } = setup();
    for (const config of [undefined, { endpoint: '  ', apiKey: 'k' }, { endpoint: ENDPOINT, apiKey: '' }]) {
      conn.configure(config);
      expect(conn.view()).toMatchObject({ state: 'idle', reason: 'No gateway configured' });
    }
    conn.configure({ endpoint: 'ws://gateway.example/v1', apiKey: 'k' });
    expect(conn.view()).toMatchObject({ state: 'idle', reason: expect.stringMatching(/wss:\/\//) });
    expect(wire.sockets).toHaveLength(0);
  });

  it('routes inbound frames: pong (round trip), forceDisconnect, error frames, actions; bad ones are logged only', () => {
    const { clock, conn, connect, events, logger } = setup();
    const ws = connect();
    clock.advance(30_000);
    expect(ws.actions()).toEqual(['getTerminals', 'ping']);
    clock.advance(40);
    ws.receive({ action: 'pong', timestamp: new Date().toISOString() });
    expect(conn.view().lastPongRttMs).toBe(40);
    expect(events.at(-1)).toMatchObject({ type: 'state', view: { state: 'open', lastPongRttMs: 40 } });
    ws.receive({ error: 'Not Found', message: 'Terminal connection not found' });
    expect(events.at(-1)).toEqual({ type: 'errorFrame', frame: { error: 'Not Found', message: 'Terminal connection not found' } });
    const push = { action: 'terminalStatusUpdate', terminalId: 'TERM-001', status: 'connected', timestamp: '2026-01-15T09:00:00.000Z' };
    ws.receive(push);
    expect(events.at(-1)).toMatchObject({ type: 'frame', frame: push });
    const before = events.length;
    ws.receive('not json');
    ws.receive('{"action":"pong"}', true);
    expect(events).toHaveLength(before);
    expect(logger.lines.filter((l) => l.event === 'frame.invalid').map((l) => l.reason)).toEqual([expect.any(String), 'binary frame']);
  });

  it('sends only while open; a send that throws is reported false and logged; pings stay out of the log', () => {
    const { clock, conn, wire, logger } = setup();
    conn.configure({ endpoint: ENDPOINT, apiKey: 'key-1234567' });
    expect(conn.send({ action: 'getTerminals' })).toBe(false);
    wire.last().open();
    expect(conn.send({ action: 'getTerminals' })).toBe(true);
    expect(logger.lines.filter((l) => l.event === 'frame.out')).toHaveLength(2);
    clock.advance(30_000);
    expect(logger.lines.filter((l) => l.event === 'frame.out')).toHaveLength(2);
    wire.last().failSends = true;
    expect(conn.send({ action: 'getTerminals' })).toBe(false);
    expect(logger.lines.find((l) => l.event === 'frame.send_failed')).toMatchObject({ action: 'getTerminals' });
  });

  it('a lost link backs off with full jitter, retries on the timer, and resets the attempts after a healthy minute', () => {
    // No heartbeat in the way: this is about retries.
    const { clock, conn, wire, connect, events } = setup({}, { pingIntervalMs: 3_600_000 });
    connect().serverClose(1006, 'gone');
    expect(events.filter((e) => e.type === 'down')).toEqual([{ type: 'down', reason: 'gone' }]);
    expect(conn.view()).toMatchObject({ state: 'backoff', attempt: 1, reason: 'Connection lost: gone', nextRetryAt: clock.now() + 500 });
    clock.advance(499);
    expect(wire.sockets).toHaveLength(1);
    clock.advance(1);
    expect(wire.sockets).toHaveLength(2);
    expect(conn.view()).toMatchObject({ state: 'connecting' });
    expect(conn.view()).not.toHaveProperty('nextRetryAt');
    wire.last().fail('connect ECONNREFUSED');
    wire.last().serverClose(1006);
    expect(conn.view()).toMatchObject({ state: 'backoff', attempt: 2, reason: 'Could not connect: connect ECONNREFUSED', nextRetryAt: clock.now() + 1_000 });
    expect(events.filter((e) => e.type === 'down')).toHaveLength(1); // never opened: no second "down"
    clock.advance(1_000);
    wire.last().open();
    expect(conn.view()).toMatchObject({ state: 'open', reconnectsToday: 1 });
    clock.advance(59_999);
    wire.last().serverClose(1000);
    expect(conn.view()).toMatchObject({ attempt: 3, reason: 'Connection lost: closed (1000)' });
    clock.advance(4_000);
    wire.last().open();
    clock.advance(60_000);
    wire.last().serverClose(1000);
    expect(conn.view()).toMatchObject({ attempt: 1, nextRetryAt: clock.now() + 500 });
  });

  it('a socket that cannot even be created backs off with the reason', () => {
    const { conn, wire } = setup();
    wire.throwNext('bad url');
    conn.configure({ endpoint: ENDPOINT, apiKey: 'key-1234567' });
    expect(conn.view()).toMatchObject({ state: 'backoff', reason: 'Could not connect: Error: bad url' });
  });

  it('a refused key (HTTP 401/403) is auth_failed, retried only after the slow auth interval', () => {
    for (const status of ['401', '403']) {
      const { clock, conn, wire } = setup();
      conn.configure({ endpoint: ENDPOINT, apiKey: 'key-1234567' });
      wire.last().fail(`Unexpected server response: ${status}`);
      wire.last().serverClose(1006);
      expect(conn.view()).toMatchObject({ state: 'auth_failed', reason: `The gateway refused the API key (HTTP ${status}).` });
      clock.advance(119_999);
      expect(wire.sockets).toHaveLength(1);
      clock.advance(1);
      expect(wire.sockets).toHaveLength(2);
    }
    const other = setup();
    other.conn.configure({ endpoint: ENDPOINT, apiKey: 'key-1234567' });
    other.wire.last().fail('Unexpected server response: 500');
    other.wire.last().serverClose(1006);
    expect(other.conn.view().state).toBe('backoff');
  });

  it('a policy close (1008/4001/4003) right after open is an auth refusal; later, or another code, is a lost link', () => {
    for (const code of [1008, 4001, 4003]) {
      const { clock, conn, connect } = setup();
      const ws = connect();
      clock.advance(1_999);
      ws.serverClose(code, 'bad key');
      expect(conn.view(), String(code)).toMatchObject({
        state: 'auth_failed',
        reason: `The gateway closed the connection right after it opened (${code} bad key), so it refused the API key.`,
      });
    }
    const late = setup();
    const ws = late.connect();
    late.clock.advance(2_000);
    ws.serverClose(4001, 'bad key');
    expect(late.conn.view().state).toBe('backoff');
    const other = setup();
    other.connect().serverClose(4000, 'bye');
    expect(other.conn.view().state).toBe('backoff');
  });

  it('a missing pong terminates the socket and reconnects; checkNow pings at once with its short deadline', () => {
    const { clock, conn, connect, logger } = setup();
    const ws = connect();
    conn.checkNow();
    expect(ws.actions()).toEqual(['getTerminals', 'ping']);
    clock.advance(2_999);
    expect(ws.terminated).toBe(false);
    clock.advance(1);
    expect(ws.terminated).toBe(true);
    expect(logger.lines.find((l) => l.event === 'connection.dead')).toMatchObject({ reason: 'no pong after checkNow' });
    expect(conn.view().state).toBe('backoff');
  });

  it('checkNow while backing off retries at once; while idle it does nothing', () => {
    const { conn, wire, connect } = setup();
    conn.checkNow();
    expect(wire.sockets).toHaveLength(0);
    connect().serverClose(1006);
    conn.checkNow();
    expect(wire.sockets).toHaveLength(2);
    expect(conn.view()).toMatchObject({ state: 'connecting', attempt: 0 });
  });

  it('forceDisconnect displaces: one "down", no retry, until the cashier reconnects here', () => {
    const { clock, conn, wire, connect, events } = setup();
    const ws = connect();
    ws.receive({ action: 'forceDisconnect', reason: 'New connection established with the same API key' });
    expect(conn.view()).toMatchObject({
      state: 'displaced',
      reason: 'Another register is using this API key: New connection established with the same API key',
    });
    expect(ws.closedWith).toEqual({ code: 1000, reason: 'displaced' });
    expect(events.filter((e) => e.type === 'down')).toEqual([{ type: 'down', reason: 'displaced' }]);
    ws.serverClose(1000);
    clock.advance(3_600_000);
    expect(wire.sockets).toHaveLength(1);
    conn.reconnectNow();
    expect(wire.sockets).toHaveLength(2);
    const bare = setup();
    bare.connect().receive({ action: 'forceDisconnect' });
    expect(bare.conn.view().reason).toBe('Another register is using this API key: Another register connected with this API key');
  });

  it('reconnectNow forgets the old socket first: its late frames and close change nothing', () => {
    const { conn, wire, connect, events } = setup();
    const old = connect();
    conn.reconnectNow();
    expect(old.closedWith).toEqual({ code: 1000, reason: 'reconnect requested' });
    expect(events.filter((e) => e.type === 'down')).toEqual([{ type: 'down', reason: 'reconnect requested' }]);
    wire.last().open();
    const count = events.length;
    old.receive({ action: 'forceDisconnect', reason: 'late' });
    old.receive({ action: 'terminalStatusUpdate', terminalId: 'T', status: 'connected', timestamp: '2026-01-15T09:00:00.000Z' });
    old.fail('late error');
    old.serverClose(1006);
    expect(events).toHaveLength(count);
    expect(conn.view().state).toBe('open');
  });

  it('stop() closes the socket and never retries', () => {
    const { clock, conn, wire, connect } = setup();
    const ws = connect();
    conn.stop();
    expect(ws.closedWith).toEqual({ code: 1000, reason: 'stopping' });
    expect(conn.view()).toMatchObject({ state: 'stopped', reason: 'Stopped' });
    conn.reconnectNow();
    clock.advance(3_600_000);
    expect(wire.sockets).toHaveLength(1);
  });

  it('counts reconnects per day: the count starts again after midnight', () => {
    const { clock, conn, wire, connect } = setup({}, { pingIntervalMs: 3_600_000 * 48 });
    connect();
    for (let i = 0; i < 2; i += 1) {
      wire.last().serverClose(1006);
      clock.advance(10_000);
      wire.last().open();
    }
    expect(conn.view().reconnectsToday).toBe(2);
    clock.advance(24 * 3_600_000);
    wire.last().serverClose(1006);
    clock.advance(10_000);
    wire.last().open();
    expect(conn.view().reconnectsToday).toBe(1);
  });
});
