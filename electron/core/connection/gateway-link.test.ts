import { describe, expect, it } from 'vitest';
import type { Settings } from '../ports';
import { DEFAULT_SETTINGS } from '../settings/schema';
import type { TerminalViews } from '../terminals/terminal-views';
import { connectionUnderTest, TEST_ENDPOINT } from '../testing/connection-under-test';
import { GatewayLink } from './gateway-link';

/**
 * GatewayLink decides what the one gateway connection dials from the settings: the real
 * GatewayConnection on a scripted socket, so "dialled" means a socket was made with these
 * headers. The terminal views are a counter of `forgetAll` calls (what the link asks of them).
 */
function setup() {
  const under = connectionUnderTest();
  const problems: unknown[] = [];
  let forgets = 0;
  const terminals = { forgetAll: () => (forgets += 1) } as unknown as TerminalViews;
  const link = new GatewayLink(under.conn, terminals, under.logger, () => problems);
  const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, endpoint: TEST_ENDPOINT, apiKey: 'key-1234567', ...patch });
  const configureLines = () => under.logged('connection.configure');
  return { ...under, link, problems, settings, forgets: () => forgets, configureLines };
}

describe('gateway link: what the settings make the connection dial', () => {
  it('dials the trimmed address with the key and group, once, and says so in the log', () => {
    const { link, wire, conn, settings, configureLines, forgets } = setup();
    expect(link.isConfigured()).toBe(false);
    link.apply(settings({ endpoint: `  ${TEST_ENDPOINT} `, groupId: 'group-7' }));
    expect(link.isConfigured()).toBe(true);
    expect(wire.sockets).toHaveLength(1);
    expect(wire.last().url).toBe(TEST_ENDPOINT);
    expect(wire.last().options.headers).toEqual({ 'x-api-key': 'key-1234567', 'x-group-id': 'group-7' });
    expect(conn.view()).toMatchObject({ state: 'connecting', endpoint: TEST_ENDPOINT });
    expect(configureLines()).toEqual([{ level: 'info', event: 'connection.configure', endpoint: TEST_ENDPOINT, hasKey: true, groupId: 'group-7' }]);
    // The first configuration forgets nothing: no terminal was listed before it.
    expect(forgets()).toBe(0);
  });

  it('sends no x-group-id when the group is empty', () => {
    const { link, wire, settings, configureLines } = setup();
    link.apply(settings({ groupId: '' }));
    expect(wire.last().options.headers).toEqual({ 'x-api-key': 'key-1234567' });
    expect(configureLines()[0]).toMatchObject({ groupId: '' });
  });

  it('the same gateway, key and group again (another setting changed) keeps the socket and the terminals', () => {
    const { link, wire, settings, configureLines, forgets } = setup();
    link.apply(settings({ groupId: 'g' }));
    wire.last().open();
    link.apply(settings({ groupId: 'g', storeName: 'Corner shop', endpoint: ` ${TEST_ENDPOINT}` }));
    expect(wire.sockets).toHaveLength(1);
    expect(wire.last().closedWith).toBeUndefined();
    expect(configureLines()).toHaveLength(1);
    expect(forgets()).toBe(0);
  });

  it.each([
    ['address', { endpoint: 'ws://localhost:4010/v1' }],
    ['key', { apiKey: 'key-7654321' }],
    ['group', { groupId: 'group-2' }],
  ])('another %s: the old terminals are forgotten and the new gateway is dialled', (_what, patch) => {
    const { link, wire, settings, configureLines, forgets } = setup();
    link.apply(settings({ groupId: 'group-1' }));
    wire.last().open();
    link.apply(settings({ groupId: 'group-1', ...patch }));
    expect(forgets()).toBe(1);
    expect(wire.sockets).toHaveLength(2);
    expect(wire.sockets[0]!.closedWith).toEqual({ code: 1000, reason: 'configuration changed' });
    expect(configureLines()).toHaveLength(2);
  });

  it.each([
    ['no address', { endpoint: '' }],
    ['an address of spaces', { endpoint: '   ' }],
    ['no key', { apiKey: '' }],
  ])('%s: dials nothing, and a till that was connected lets the old gateway go', (_what, patch) => {
    const { link, wire, conn, settings, configureLines, forgets } = setup();
    link.apply(settings());
    wire.last().open();
    link.apply(settings(patch));
    expect(link.isConfigured()).toBe(false);
    expect(wire.sockets).toHaveLength(1);
    expect(wire.last().closedWith).toMatchObject({ code: 1000 });
    expect(conn.view()).toMatchObject({ state: 'idle', reason: 'No gateway configured', endpoint: '' });
    expect(forgets()).toBe(1);
    expect(configureLines().at(-1)).toEqual({ level: 'info', event: 'connection.configure', endpoint: '', hasKey: false, groupId: '' });
  });

  it('a gateway setting that is invalid somewhere (a pause names it) dials nothing; once fixed, it dials', () => {
    const { link, wire, conn, settings, problems } = setup();
    problems.push({ field: 'endpoint' });
    link.apply(settings());
    expect(link.isConfigured()).toBe(false);
    expect(wire.sockets).toHaveLength(0);
    expect(conn.view()).toMatchObject({ state: 'idle', reason: 'No gateway configured' });
    problems.length = 0;
    link.apply(settings());
    expect(link.isConfigured()).toBe(true);
    expect(wire.sockets).toHaveLength(1);
  });

  it('nothing to dial twice in a row configures once', () => {
    const { link, settings, configureLines } = setup();
    link.apply(settings({ endpoint: '' }));
    link.apply(settings({ endpoint: '', apiKey: '' }));
    expect(configureLines()).toHaveLength(1);
  });

  it('after reset (the core stopped), the same settings are applied afresh without forgetting terminals', () => {
    const { link, wire, conn, settings, configureLines, forgets } = setup();
    link.apply(settings());
    conn.stop();
    link.reset();
    link.apply(settings());
    expect(wire.sockets).toHaveLength(2);
    expect(conn.view().state).toBe('connecting');
    expect(configureLines()).toHaveLength(2);
    expect(forgets()).toBe(0);
  });
});
