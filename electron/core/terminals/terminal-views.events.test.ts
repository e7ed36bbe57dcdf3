import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalView } from '../../../shared/ipc';
import type { TerminalStatusUpdateFrame, TerminalsResponseFrame } from '../../../shared/protocol';
import { GRACE_MS, MARGIN_MS, removeTerminalViewsDirs, setupTerminalViews } from '../testing/terminal-views-fixture';

/**
 * What the cashier's screen hears from TerminalViews: `terminal` and `terminalRemoved` events with
 * the view, whether the list is fresh since the link opened (§9.2), the open payment on a terminal.
 * The frames are the vendor's own examples (websocket-notifications / quickstart), no timestamps
 * on the list, as the vendor shows it.
 */
afterEach(removeTerminalViewsDirs);

const connected: TerminalStatusUpdateFrame = {
  action: 'terminalStatusUpdate',
  terminalId: 'TERM-001',
  connectionId: 'abc123xyz',
  deviceId: 'TERM-001',
  status: 'connected',
  timestamp: '2024-01-15T10:30:00.000Z',
  groupId: 'group-123',
  version: 'v1',
};
const reconnecting: TerminalStatusUpdateFrame = {
  action: 'terminalStatusUpdate',
  terminalId: 'TERM-001',
  deviceId: 'TERM-001',
  status: 'reconnecting',
  timestamp: '2024-01-15T10:45:00.000Z',
  groupId: 'group-123',
  version: 'v1',
};
const disconnected: TerminalStatusUpdateFrame = {
  action: 'terminalStatusUpdate',
  terminalId: 'TERM-001',
  status: 'disconnected',
  timestamp: '2024-01-15T10:45:00.000Z',
  groupId: 'group-123',
  version: 'v1',
};
/** The same fact stamped later by the gateway (the vendor's examples share one minute). */
const later = (frame: TerminalStatusUpdateFrame): TerminalStatusUpdateFrame => ({ ...frame, timestamp: '2024-01-15T10:45:10.000Z' });
const list = (...terminals: TerminalsResponseFrame['terminals']): TerminalsResponseFrame => ({ action: 'terminalsResponse', terminals });
const online = { deviceId: 'TERM-001', status: 'online' } as const;
const reasonOf = (heard: (TerminalView | string)[]) => heard.map((v) => (typeof v === 'string' ? v : `${v.id}:${v.notPayableReasonMsg?.key ?? 'payable'}`));

describe('whether the list is fresh since the link opened', () => {
  it('before the first list a pushed terminal is shown but not payable: the list is being refreshed', () => {
    const t = setupTerminalViews();
    t.views.onStatusUpdate(connected);
    expect(t.views.isSynced()).toBe(false);
    expect(reasonOf(t.heard())).toEqual(['TERM-001:core.terminal.refreshing']);
  });

  it('the first list re-emits every terminal, also one it does not mention, and makes them payable', () => {
    const t = setupTerminalViews();
    t.views.onStatusUpdate({ ...connected, terminalId: 'TERM-002', deviceId: 'TERM-002' });
    t.views.onStatusUpdate({ ...disconnected, terminalId: 'TERM-002' });
    t.heard();
    t.views.onList(list(online));
    expect(t.views.isSynced()).toBe(true);
    expect(reasonOf(t.heard())).toEqual(['TERM-001:payable', 'TERM-002:core.terminal.offline']);
  });

  it('a later list emits only the terminals it changed', () => {
    const t = setupTerminalViews();
    t.views.onStatusUpdate({ ...connected, terminalId: 'TERM-002', deviceId: 'TERM-002' });
    t.views.onStatusUpdate({ ...disconnected, terminalId: 'TERM-002' });
    t.views.onList(list(online));
    t.heard();
    t.views.onList(list(online));
    expect(reasonOf(t.heard())).toEqual(['TERM-001:payable']);
  });

  it('a reopened link makes every terminal "refreshing" again until the next list', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online, { deviceId: 'TERM-002', status: 'online' }));
    t.heard();
    t.views.onLinkOpen();
    expect(t.views.isSynced()).toBe(false);
    expect(reasonOf(t.heard())).toEqual(['TERM-001:core.terminal.refreshing', 'TERM-002:core.terminal.refreshing']);
    t.views.onList(list(online));
    expect(reasonOf(t.heard())).toEqual(['TERM-001:payable', 'TERM-002:core.terminal.offline']);
  });
});

describe('the events the screen hears', () => {
  it('a terminal without a deviceId that the list no longer mentions is removed', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online, { connectionId: 'conn-77', status: 'online' }));
    t.heard();
    t.views.onList(list(online));
    expect(reasonOf(t.heard())).toEqual(['-conn-77', 'TERM-001:payable']);
  });

  it('refresh shows the link state on every terminal, or on the ones named that still exist', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online, { deviceId: 'TERM-002', status: 'online' }));
    t.heard();
    t.link.open = false;
    t.views.refresh();
    expect(reasonOf(t.heard())).toEqual(['TERM-001:core.terminal.not_connected', 'TERM-002:core.terminal.not_connected']);
    t.views.refresh(['TERM-002', 'TERM-GONE']);
    expect(reasonOf(t.heard())).toEqual(['TERM-002:core.terminal.not_connected']);
  });

  it('forgetAll removes every terminal', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online, { connectionId: 'conn-77', status: 'online' }));
    t.heard();
    t.views.forgetAll();
    expect(t.heard()).toEqual(['-TERM-001', '-conn-77']);
    expect(t.views.all()).toEqual([]);
  });

  it('markGone shows the terminal offline and asks the gateway for the list', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online));
    t.heard();
    t.views.markGone('TERM-001');
    expect(t.heard()).toMatchObject([{ id: 'TERM-001', presence: 'offline', payable: false }]);
    expect(t.sent).toEqual([{ action: 'getTerminals' }]);
  });

  it('a refusal names a terminal by its list label, an unknown one by its id', () => {
    const t = setupTerminalViews();
    t.views.onList(list({ ...online, metadata: { name: 'Lane 3' } }));
    expect(t.views.label('TERM-001')).toBe('Lane 3');
    expect(t.views.label('TERM-404')).toBe('TERM-404');
  });
});

describe('a terminal with an open payment', () => {
  it('shows the payment on the terminal, busy', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online));
    t.pay('TXN-20240115-001', 'TERM-001');
    expect(t.views.view('TERM-001')).toMatchObject({ openPaymentId: 'TXN-20240115-001', payable: false, notPayableReasonMsg: { key: 'core.terminal.busy' } });
  });

  it('a "reconnecting" push reaches the payment, and a repeated one keeps the countdown of the first', () => {
    const t = setupTerminalViews();
    t.views.onList(list(online));
    t.pay('TXN-20240115-001', 'TERM-001');
    t.heard();
    const droppedAt = t.clock.now();
    t.views.onStatusUpdate(reconnecting);
    expect(t.ledger.get('TXN-20240115-001')?.state).toBe('terminal_reconnecting');
    t.clock.advance(20_000);
    t.views.onStatusUpdate(reconnecting);
    expect(t.heard()).toMatchObject([
      { id: 'TERM-001', graceEndsAt: droppedAt + GRACE_MS, openPaymentId: 'TXN-20240115-001' },
      { id: 'TERM-001', graceEndsAt: droppedAt + GRACE_MS, openPaymentId: 'TXN-20240115-001' },
    ]);
  });
});

describe('the list re-check at the end of a grace countdown', () => {
  it('is not sent when the terminal came back or went offline before the countdown ended', () => {
    for (const verdict of [later(connected), later(disconnected)]) {
      const t = setupTerminalViews();
      t.views.onList(list(online));
      t.views.onStatusUpdate(reconnecting);
      t.clock.advance(10_000);
      t.views.onStatusUpdate(verdict);
      t.clock.advance(10 * GRACE_MS);
      expect(t.listRequests()).toBe(0);
    }
  });

  it('is cancelled by dispose', () => {
    const t = setupTerminalViews();
    t.views.onStatusUpdate(reconnecting);
    t.views.dispose();
    t.clock.advance(GRACE_MS + MARGIN_MS + 1);
    expect(t.listRequests()).toBe(0);
  });
});
