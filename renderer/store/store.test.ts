import { describe, expect, it } from 'vitest';
import { alertsProjection } from './alerts-slice';
import type { PosState } from './types';
import { createPosStore } from './create-store';
import {
  isOpenPayment,
  isWaiting,
  selectCurrency,
  selectDemo,
  selectFirstVisibleAlert,
  selectGatewayOnline,
  selectLatestPrintJob,
  selectOpenPaymentForOrder,
  selectPayment,
  selectTerminal,
  selectTerminalLabel,
  selectVisibleAlertCount,
} from './selectors';
import { newestOpenPaymentId } from './sync-slice';
import { removeTerminal, terminalsFromList, upsertTerminal } from './terminals-slice';
import { EMPTY_DRAFT } from './ui-slice';
import { connection, payment, snapshot, terminal, voidAlert } from '../test/fixtures';
import type { PrintJobView } from '../../shared/ipc';

/** The store's slices and selectors: what every screen reads (the screens' own tests render them). */
const job = (id: string, transactionId: string, at: number): PrintJobView => ({ id, transactionId, kind: 'receipt', state: 'done', attempts: 1, at });

function storeWith(patch: Parameters<typeof snapshot>[0] = {}) {
  const store = createPosStore();
  store.getState().applySnapshot(snapshot(patch));
  return store;
}

describe('void alert queue', () => {
  const onAlert = (alerts: ReturnType<typeof voidAlert>[], alert: ReturnType<typeof voidAlert>) =>
    alertsProjection.onEvent({ alerts } as PosState, { type: 'alert', seq: 1, alert })?.alerts ?? alerts;

  it('adds a new alert at the end, replaces a known one in place, drops an acknowledged one', () => {
    const queue = [voidAlert('a'), voidAlert('b')];
    expect(onAlert(queue, voidAlert('c')).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    const replaced = onAlert(queue, voidAlert('a', { reason: 'updated' }));
    expect(replaced.map((a) => [a.id, a.reason])).toEqual([
      ['a', 'updated'],
      ['b', voidAlert('b').reason],
    ]);
    expect(queue[0]!.reason).not.toBe('updated'); // never mutated in place
    expect(onAlert(queue, voidAlert('a', { acknowledgedAt: 1 })).map((a) => a.id)).toEqual(['b']);
    const fromSnapshot = alertsProjection.fromSnapshot(snapshot({ alerts: [voidAlert('x'), voidAlert('y', { acknowledgedAt: 5 })] }));
    expect(fromSnapshot.alerts?.map((a) => a.id)).toEqual(['x']);
  });

  it('counts and shows only alerts not yet acknowledged here: an acknowledged one leaves the queue', () => {
    const store = storeWith({ alerts: [voidAlert('a'), voidAlert('b')] });
    expect(selectVisibleAlertCount(store.getState())).toBe(2);
    store.getState().markAlertAcknowledged('a');
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['b']);
    expect(selectVisibleAlertCount(store.getState())).toBe(1);
    expect(selectFirstVisibleAlert(store.getState())?.id).toBe('b');
    store.getState().markAlertAcknowledged('b');
    expect(store.getState().alerts).toEqual([]);
    expect(selectFirstVisibleAlert(store.getState())).toBeUndefined();
  });
});

describe('terminals', () => {
  it('keeps the order terminals were first seen in; updates in place; removing an unknown one changes nothing', () => {
    const state = terminalsFromList([terminal('t1'), terminal('t2')]);
    const updated = upsertTerminal(state, terminal('t1', { label: 'Front' }));
    expect(updated.terminalIds).toEqual(['t1', 't2']);
    expect(updated.terminalsById.t1?.label).toBe('Front');
    expect(upsertTerminal(state, terminal('t3')).terminalIds).toEqual(['t1', 't2', 't3']);
    expect(removeTerminal(state, 'nope')).toBe(state);
    const removed = removeTerminal(state, 't1');
    expect(removed.terminalIds).toEqual(['t2']);
    expect(removed.terminalsById).not.toHaveProperty('t1');
    expect(state.terminalsById).toHaveProperty('t1');
  });

  it('labels a terminal by its name, or its id when the store does not know it', () => {
    const store = storeWith();
    expect(selectTerminalLabel('t1')(store.getState())).toBe('Till t1');
    expect(selectTerminalLabel('gone')(store.getState())).toBe('gone');
    expect(selectTerminal('t2')(store.getState())?.presence).toBe('offline');
  });
});

describe('events into the store', () => {
  it('connection, settings, update and print-job events land in their slice', () => {
    const store = storeWith({ seq: 1 });
    const s = store.getState();
    s.applyEvents([
      { type: 'connection', seq: 2, connection: connection({ state: 'backoff', attempt: 3 }) },
      { type: 'update', seq: 3, update: { phase: 'downloading', blockedBy: [] } },
      { type: 'printJob', seq: 4, job: job('j1', 'p1', 10) },
      { type: 'printJob', seq: 5, job: { ...job('j1', 'p1', 11), state: 'failed' } },
      { type: 'terminalRemoved', seq: 6, terminalId: 't2' },
    ]);
    const after = store.getState();
    expect(after.seq).toBe(6);
    expect(after.connection).toMatchObject({ state: 'backoff', attempt: 3 });
    expect(after.update?.phase).toBe('downloading');
    expect(after.printJobsById.j1?.state).toBe('failed');
    expect(after.terminalIds).toEqual(['t1']);
    store.getState().applyEvents([]);
    expect(store.getState().seq).toBe(6);
  });

  it('a snapshot brings its print jobs and follows nothing when nothing is open', () => {
    const store = storeWith({ printJobs: [job('j1', 'p1', 1), job('j2', 'p1', 2)], payments: [payment('done')] });
    expect(Object.keys(store.getState().printJobsById)).toEqual(['j1', 'j2']);
    expect(store.getState().activePaymentId).toBeNull();
    expect(store.getState().syncError).toBeNull();
  });

  it('the newest open payment is followed: ties go to the later one in the list, final ones never count', () => {
    expect(newestOpenPaymentId([payment('a', { state: 'sent', createdAt: 5 }), payment('b', { state: 'unknown', createdAt: 5 })])).toBe('b');
    expect(newestOpenPaymentId([payment('a', { state: 'sent', createdAt: 9 }), payment('b', { state: 'unknown', createdAt: 5 })])).toBe('a');
    expect(newestOpenPaymentId([payment('a', { state: 'approved', createdAt: 9 })])).toBeNull();
  });
});

describe('selectors', () => {
  it('online only with the bridge linked AND the gateway open', () => {
    const store = storeWith();
    expect(selectGatewayOnline(store.getState())).toBe(true);
    store.getState().setBridgeLinked(false);
    expect(selectGatewayOnline(store.getState())).toBe(false);
    store.getState().setBridgeLinked(true);
    store.getState().applyEvents([{ type: 'connection', seq: 11, connection: connection({ state: 'backoff' }) }]);
    expect(selectGatewayOnline(store.getState())).toBe(false);
    expect(selectGatewayOnline(createPosStore().getState())).toBe(false);
  });

  it("the currency is the settings' one, the main process's default (EUR) before settings arrive or when empty", () => {
    expect(selectCurrency(createPosStore().getState())).toBe('EUR');
    const store = storeWith({ settings: { ...snapshot().settings, currency: 'EUR' } });
    expect(selectCurrency(store.getState())).toBe('EUR');
    expect(selectCurrency(storeWith({ settings: { ...snapshot().settings, currency: '' } }).getState())).toBe('EUR');
  });

  it('demo mode only while the host says so AND no gateway address is saved', () => {
    const demoApp = { ...snapshot().app, demo: { enabled: true, controlUrl: 'http://127.0.0.1:1/__sim/' } };
    expect(selectDemo(storeWith({ app: demoApp, settings: { ...snapshot().settings, endpoint: '' } }).getState())).toEqual(demoApp.demo);
    expect(selectDemo(storeWith({ app: demoApp }).getState())).toBeUndefined();
    expect(selectDemo(storeWith().getState())).toBeUndefined();
    expect(selectDemo(createPosStore().getState())).toBeUndefined();
  });

  it('waiting vs open: unknown is open but not waiting', () => {
    for (const state of ['sent', 'awaiting_result', 'terminal_reconnecting'] as const) {
      expect(isWaiting(payment('p', { state })), state).toBe(true);
      expect(isOpenPayment(payment('p', { state })), state).toBe(true);
    }
    expect(isWaiting(payment('p', { state: 'unknown' }))).toBe(false);
    expect(isOpenPayment(payment('p', { state: 'unknown' }))).toBe(true);
    for (const state of ['approved', 'declined', 'needs_review', 'voided'] as const) {
      expect(isWaiting(payment('p', { state })), state).toBe(false);
      expect(isOpenPayment(payment('p', { state })), state).toBe(false);
    }
  });

  it('the latest print job of a payment, the later one on a tie; none for another payment', () => {
    const store = storeWith({ printJobs: [job('j1', 'p1', 1), job('j2', 'p1', 3), job('j3', 'p2', 9), job('j4', 'p1', 3)] });
    expect(selectLatestPrintJob('p1')(store.getState())?.id).toBe('j4');
    expect(selectLatestPrintJob('p3')(store.getState())).toBeUndefined();
  });

  it('the open payment of an order, by its trimmed reference; none for a blank one or a final payment', () => {
    const store = storeWith({
      payments: [
        payment('a', { orderRef: 'O-1', state: 'approved' }),
        payment('b', { orderRef: 'O-1', state: 'awaiting_result' }),
        payment('c', { orderRef: 'O-2', state: 'declined' }),
      ],
    });
    expect(selectOpenPaymentForOrder('  O-1 ')(store.getState())).toBe('b');
    expect(selectOpenPaymentForOrder('O-2')(store.getState())).toBeUndefined();
    expect(selectOpenPaymentForOrder('   ')(store.getState())).toBeUndefined();
    expect(selectPayment('a')(store.getState())?.state).toBe('approved');
    expect(selectPayment(null)(store.getState())).toBeUndefined();
  });
});

describe("the cashier's draft and screen", () => {
  it('starts empty on the checkout; a patch keeps the rest; choosing a terminal changes only it', () => {
    const store = createPosStore();
    expect(store.getState()).toMatchObject({ screen: 'checkout', activePaymentId: null, draft: EMPTY_DRAFT, synced: false, seq: 0, bridgeLinked: true });
    store.getState().updateDraft({ amountMinor: 1234, orderRef: 'O-9' });
    store.getState().selectDraftTerminal('t2');
    expect(store.getState().draft).toEqual({ terminalId: 't2', amountMinor: 1234, paymentMethod: 'CARD', orderRef: 'O-9' });
    store.getState().setScreen('history');
    store.getState().setActivePayment('p1');
    expect(store.getState()).toMatchObject({ screen: 'history', activePaymentId: 'p1' });
    store.getState().setSyncError('down');
    expect(store.getState().syncError).toBe('down');
    expect(EMPTY_DRAFT).toEqual({ terminalId: '', amountMinor: 0, paymentMethod: 'CARD', orderRef: '' });
  });
});
