import { describe, expect, it } from 'vitest';
import { createPosStore } from './create-store';
import { selectCurrency, selectFirstVisibleAlert, selectVisibleAlertCount } from './selectors';
import { startSync } from './sync';
import { FakeBridge } from '../test/fake-bridge';
import { payment, snapshot, voidAlert } from '../test/fixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('store slices', () => {
  it('with no settings yet, amounts are in the currency the main process defaults to (EUR), not another', () => {
    expect(selectCurrency(createPosStore().getState())).toBe('EUR');
  });

  it('an alert acknowledged here leaves the queue itself, so nothing else has to remember it', async () => {
    const fake = new FakeBridge(snapshot({ alerts: [voidAlert('v1'), voidAlert('v2')] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    store.getState().markAlertAcknowledged('v1');
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['v2']);
    expect(selectVisibleAlertCount(store.getState())).toBe(1);
    expect(selectFirstVisibleAlert(store.getState())?.id).toBe('v2');
    // The main process's own word arrives later and changes nothing more.
    fake.emit({ type: 'alert', seq: 11, alert: voidAlert('v1', { acknowledgedAt: Date.now() }) });
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['v2']);
    stop();
  });

  it('each slice takes its own part of the snapshot and of the events', async () => {
    const fake = new FakeBridge(snapshot({ seq: 3, payments: [payment('a')] }));
    const store = createPosStore();
    const stop = startSync(fake.bridge, store);
    await flush();
    fake.emit({ type: 'payment', seq: 4, payment: payment('a', { state: 'voided' }) });
    fake.emit({ type: 'paused', seq: 5, paused: [{ kind: 'journal', message: 'Payments paused' }] });
    expect(store.getState().paymentsById.a?.state).toBe('voided');
    expect(store.getState().paused.map((p) => p.kind)).toEqual(['journal']);
    stop();
  });
});
