import { describe, expect, it } from 'vitest';
import { createPosStore } from './create-store';
import { needsManager, needsSignIn, ROLES_OFF } from './people-slice';
import {
  selectActivePaymentId,
  selectAlerts,
  selectApp,
  selectBridgeLinked,
  selectConnection,
  selectDraft,
  selectLatestPrintJob,
  selectNextOrderRef,
  selectOrder,
  selectPaymentIds,
  selectPaymentsById,
  selectScreen,
  selectSettings,
  selectTerminalIds,
} from './selectors';
import { sortTerminalIds, terminalsFromList, upsertTerminal } from './terminals-slice';
import { payment, snapshot, terminal, voidAlert } from '../test/fixtures';
import type { OrderView, PeopleView } from '../../shared/ipc';

/**
 * The slices a cashier's screens read, each fed by the real store from a snapshot and events:
 * who is signed in, orders and the next reference, the terminal cards' order, the draft.
 */
const order = (orderRef: string, status: OrderView['status']): OrderView => ({ orderRef, status, approvals: [] });
const people = (patch: Partial<PeopleView> = {}): PeopleView => ({
  roles: 'on',
  people: [{ id: 'm1', name: 'Mia Manager', role: 'manager' }],
  session: { id: 'c1', name: 'Carl Cashier', role: 'cashier' },
  needsFirstManager: false,
  idleLockMinutes: 5,
  ...patch,
});

function storeWith(patch: Parameters<typeof snapshot>[0] = {}) {
  const store = createPosStore();
  store.getState().applySnapshot(snapshot(patch));
  return store;
}

describe('people', () => {
  it('a host without people (older core) means roles off: no sign-in screen, no manager PIN', () => {
    const store = storeWith();
    expect(store.getState().people).toEqual(ROLES_OFF);
    expect(ROLES_OFF).toEqual({ roles: 'off', people: [], session: null, needsFirstManager: false, idleLockMinutes: 0 });
    expect(needsSignIn(store.getState().people)).toBe(false);
    expect(needsManager(store.getState().people)).toBe(false);
    expect(storeWith({ people: people() }).getState().people.session?.name).toBe('Carl Cashier');
  });

  it('the sign-in screen shows only with roles on and nobody signed in', () => {
    expect(needsSignIn(people({ session: null }))).toBe(true);
    expect(needsSignIn(people())).toBe(false);
    expect(needsSignIn(people({ roles: 'ask', session: null }))).toBe(false);
    expect(needsSignIn(people({ roles: 'off', session: null }))).toBe(false);
  });

  it("a manager's PIN is asked for a cashier or nobody, never for a manager or with roles off", () => {
    expect(needsManager(people())).toBe(true);
    expect(needsManager(people({ session: null }))).toBe(true);
    expect(needsManager(people({ session: { id: 'm1', name: 'Mia Manager', role: 'manager' } }))).toBe(false);
    expect(needsManager(people({ roles: 'off' }))).toBe(false);
    expect(needsManager(people({ roles: 'ask' }))).toBe(false);
  });

  it("a manager's settings approval survives a people update of the same session and is forgotten at sign-out", () => {
    const store = storeWith({ seq: 1, people: people() });
    store.getState().setSettingsApproval('approval-1');
    store.getState().applyEvents([{ type: 'people', seq: 2, people: people({ idleLockMinutes: 10 }) }]);
    expect(store.getState().settingsApproval).toBe('approval-1');
    expect(store.getState().people.idleLockMinutes).toBe(10);
    store.getState().applyEvents([{ type: 'people', seq: 3, people: people({ session: null }) }]);
    expect(store.getState().settingsApproval).toBeNull();
    expect(needsSignIn(store.getState().people)).toBe(true);
  });

  it('another person signing in on the same till does not inherit the approval', () => {
    const store = storeWith({ seq: 1, people: people() });
    store.getState().setSettingsApproval('approval-1');
    store.getState().applyEvents([{ type: 'people', seq: 2, people: people({ session: { id: 'c2', name: 'Cleo', role: 'cashier' } }) }]);
    expect(store.getState().settingsApproval).toBeNull();
  });
});

describe('orders', () => {
  it("the snapshot's orders by reference and the next sale's reference; an order event replaces one and moves the counter", () => {
    const store = storeWith({ seq: 1, orders: [order('R1-0001', 'paid'), order('R1-0002', 'not_paid')], nextOrderRef: 'R1-0003' });
    expect(selectOrder(' R1-0001 ')(store.getState())?.status).toBe('paid');
    expect(selectNextOrderRef(store.getState())).toBe('R1-0003');
    store.getState().applyEvents([{ type: 'order', seq: 2, order: order('R1-0002', 'paid'), nextOrderRef: 'R1-0004' }]);
    expect(selectOrder('R1-0002')(store.getState())?.status).toBe('paid');
    expect(selectOrder('R1-0001')(store.getState())?.status).toBe('paid');
    expect(selectNextOrderRef(store.getState())).toBe('R1-0004');
    expect(selectOrder('R1-0009')(store.getState())).toBeUndefined();
  });
});

describe('terminal cards order', () => {
  const lanes = (...labels: [string, string][]) => terminalsFromList(labels.map(([id, label]) => terminal(id, { label })));

  it('by label with numbers read as numbers ("Lane 2" before "Lane 10"), case ignored, then by id', () => {
    expect(lanes(['a', 'Lane 10'], ['b', 'Lane 2'], ['c', 'lane 3']).terminalIds).toEqual(['b', 'c', 'a']);
    expect(lanes(['z', 'Lane 1'], ['y', 'Lane 1'], ['x', 'LANE 1']).terminalIds).toEqual(['x', 'y', 'z']);
    expect(lanes(['x', 'Lane 1'], ['y', 'Lane 1'], ['z', 'LANE 1']).terminalIds).toEqual(['x', 'y', 'z']);
    expect(sortTerminalIds(['m', 'k'], {})).toEqual(['k', 'm']);
  });

  it("this till's terminal comes from the snapshot, none ('') from a host that does not say", () => {
    expect(storeWith({ tillTerminalId: 't2' }).getState().tillTerminalId).toBe('t2');
    expect(storeWith().getState().tillTerminalId).toBe('');
  });

  it('a status change keeps the cards where they are; a new name moves its card', () => {
    const state = lanes(['a', 'Lane 1'], ['b', 'Lane 2']);
    const offline = upsertTerminal(state, terminal('a', { label: 'Lane 1', presence: 'offline' }));
    expect(offline.terminalIds).toBe(state.terminalIds);
    expect(offline.terminalsById.a?.presence).toBe('offline');
    expect(upsertTerminal(state, terminal('a', { label: 'Lane 3' })).terminalIds).toEqual(['b', 'a']);
    expect(upsertTerminal(state, terminal('c', { label: 'Lane 0' })).terminalIds).toEqual(['c', 'a', 'b']);
  });

  it('in a batch, a renamed or new terminal moves its card, a status change alone does not', () => {
    const store = storeWith({ seq: 1, terminals: [terminal('a', { label: 'Lane 1' }), terminal('b', { label: 'Lane 2' })] });
    const before = store.getState().terminalIds;
    store.getState().applyEvents([{ type: 'terminal', seq: 2, terminal: terminal('b', { label: 'Lane 2', presence: 'reconnecting' }) }]);
    expect(store.getState().terminalIds).toBe(before);
    store.getState().applyEvents([
      { type: 'terminal', seq: 3, terminal: terminal('a', { label: 'Lane 9' }) },
      { type: 'terminal', seq: 4, terminal: terminal('c', { label: 'Lane 5' }) },
    ]);
    expect(store.getState().terminalIds).toEqual(['b', 'c', 'a']);
    expect(store.getState().terminalsById.b?.presence).toBe('reconnecting');
  });

  it('a batch that only renames a terminal moves its card', () => {
    const store = storeWith({ seq: 1, terminals: [terminal('a', { label: 'Lane 1' }), terminal('b', { label: 'Lane 2' })] });
    store.getState().applyEvents([{ type: 'terminal', seq: 2, terminal: terminal('a', { label: 'Lane 9' }) }]);
    expect(store.getState().terminalIds).toEqual(['b', 'a']);
  });

  it('before the first snapshot the till shows no terminal at all', () => {
    expect(createPosStore().getState()).toMatchObject({ terminalIds: [], terminalsById: {}, tillTerminalId: '' });
  });

  it('a terminal event after another kind of event in the same batch still lands', () => {
    const store = storeWith({ seq: 1 });
    store.getState().applyEvents([
      { type: 'terminal', seq: 2, terminal: terminal('t9', { label: 'Lane 0' }) },
      { type: 'payment', seq: 3, payment: payment('p1', { state: 'sent' }) },
      { type: 'terminal', seq: 4, terminal: terminal('t8', { label: 'Lane 00' }) },
      { type: 'terminalRemoved', seq: 5, terminalId: 't9' },
    ]);
    expect(store.getState().terminalIds).toEqual(['t8', 't1', 't2']);
    expect(store.getState().paymentsById.p1?.state).toBe('sent');
  });
});

describe('payments list', () => {
  it("a new payment joins the end of the list, a known one changes in place; today's order is kept", () => {
    const store = storeWith({ seq: 1, payments: [payment('a'), payment('b')] });
    store.getState().applyEvents([
      { type: 'payment', seq: 2, payment: payment('c', { state: 'sent' }) },
      { type: 'payment', seq: 3, payment: payment('a', { state: 'voided' }) },
    ]);
    expect(selectPaymentIds(store.getState())).toEqual(['a', 'b', 'c']);
    expect(selectPaymentsById(store.getState()).a?.state).toBe('voided');
  });

  it('a voided payment event leaves its void alert raised until the alert itself is acknowledged', () => {
    const store = storeWith({ seq: 1, payments: [payment('tx-v1', { state: 'abandoned' })], alerts: [voidAlert('v1')] });
    store.getState().applyEvents([{ type: 'payment', seq: 2, payment: payment('tx-v1', { state: 'voided', voidReason: 'late' }) }]);
    expect(selectAlerts(store.getState()).map((a) => a.id)).toEqual(['v1']);
    store.getState().applyEvents([{ type: 'alert', seq: 3, alert: voidAlert('v2') }]);
    store.getState().applyEvents([{ type: 'payment', seq: 4, payment: payment('tx-v2', { state: 'voided' }) }]);
    expect(selectAlerts(store.getState()).map((a) => a.id)).toEqual(['v1', 'v2']);
  });
});

describe('plain selectors and the draft', () => {
  it('each selector reads its own part of the state', () => {
    const store = storeWith({ alerts: [voidAlert('v1')] });
    store.getState().setActivePayment('p1');
    store.getState().updateDraft({ amountMinor: 500 });
    const s = store.getState();
    expect(selectScreen(s)).toBe('checkout');
    expect(selectConnection(s)?.state).toBe('open');
    expect(selectBridgeLinked(s)).toBe(true);
    expect(selectApp(s)?.version).toBe('0.1.0');
    expect(selectSettings(s)?.storeName).toBe('Corner Shop');
    expect(selectAlerts(s).map((a) => a.id)).toEqual(['v1']);
    expect(selectTerminalIds(s)).toEqual(['t1', 't2']);
    expect(selectActivePaymentId(s)).toBe('p1');
    expect(selectDraft(s).amountMinor).toBe(500);
  });

  it('choosing a terminal remembers it for this window; typed digits outside the field count up so repeats differ', () => {
    const store = createPosStore();
    expect(store.getState()).toMatchObject({ rememberedTerminalId: '', amountSeed: null });
    store.getState().selectDraftTerminal('t2');
    expect(store.getState().rememberedTerminalId).toBe('t2');
    store.getState().seedAmount('4');
    expect(store.getState().amountSeed).toEqual({ text: '4', seq: 1 });
    store.getState().seedAmount('4');
    expect(store.getState().amountSeed).toEqual({ text: '4', seq: 2 });
  });

  it("a payment's latest receipt is its own, even when another payment's job comes last", () => {
    const job = (id: string, transactionId: string, at: number) => ({ id, transactionId, kind: 'receipt' as const, state: 'done' as const, attempts: 1, at });
    const store = storeWith({ printJobs: [job('j1', 'p1', 5), job('j2', 'p2', 1)] });
    expect(selectLatestPrintJob('p1')(store.getState())?.id).toBe('j1');
    // The latest by time, not by the order the host happens to list them in.
    const reprinted = storeWith({ printJobs: [job('reprint', 'p1', 9), job('original', 'p1', 5)] });
    expect(selectLatestPrintJob('p1')(reprinted.getState())?.id).toBe('reprint');
  });

  it('a snapshot without a payments pause means none', () => {
    const store = storeWith({ paused: undefined });
    expect(store.getState().paused).toEqual([]);
  });
});
