import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../shared/ipc';
import { FakeBridge } from '../test/fake-bridge';
import { connection, snapshot } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const banner = () => screen.getByTestId('connection-banner');

async function withConnection(c: ConnectionView) {
  return renderApp(new FakeBridge(snapshot({ connection: c })));
}

describe('connection banner', () => {
  it('online', async () => {
    await withConnection(connection({ lastPongRttMs: 31.6 }));
    expect(banner().textContent).toMatch(/Online — connected/);
    expect(banner().textContent).toMatch(/32 ms/);
  });

  it('reconnecting with attempt and next try', async () => {
    await withConnection(connection({ state: 'backoff', attempt: 3, nextRetryAt: Date.now() + 5000 }));
    expect(banner().textContent).toMatch(/Reconnecting to the payment gateway \(attempt 3\)/);
    expect(banner().textContent).toMatch(/Next try in [45] s/);
    expect(banner().textContent).toMatch(/Payments are blocked/);
  });

  it('offline with the reason', async () => {
    await withConnection(connection({ state: 'stopped', reason: 'Network unreachable' }));
    expect(banner().textContent).toMatch(/Offline — payments are blocked/);
    expect(banner().textContent).toMatch(/Network unreachable/);
  });

  it('displaced by another register, with Reconnect here', async () => {
    const user = userEvent.setup();
    const { fake } = await withConnection(connection({ state: 'displaced' }));
    expect(banner().textContent).toMatch(/another register is using this API key/);
    await user.click(within(banner()).getByRole('button', { name: 'Reconnect here' }));
    expect(fake.callsOf('reconnectNow')).toEqual([{}]);
  });

  it('authentication failed, with a link to settings', async () => {
    const user = userEvent.setup();
    const { store } = await withConnection(connection({ state: 'auth_failed', reason: 'Unauthorized' }));
    expect(banner().textContent).toMatch(/Authentication failed/);
    await user.click(within(banner()).getByRole('link', { name: 'Open Settings' }));
    expect(store.getState().screen).toBe('settings');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('lost contact with the app host', async () => {
    const { fake } = await withConnection(connection());
    act(() => fake.setLinked(false));
    expect(banner().textContent).toMatch(/lost contact with the Checkstand app/);
  });

  it('demo ribbon links to the simulator control page', async () => {
    const base = snapshot();
    const demo = snapshot({
      app: { ...base.app, demo: { enabled: true, controlUrl: 'http://127.0.0.1:9/control' } },
      settings: { ...base.settings, endpoint: '' },
    });
    await renderApp(new FakeBridge(demo));
    expect(screen.getByText('DEMO — simulated terminals')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open simulator control page' }).getAttribute('href')).toBe('http://127.0.0.1:9/control');
  });

  it('the demo ribbon goes the moment a real gateway is saved, before the host reports demo mode off', async () => {
    const base = snapshot();
    const demo = snapshot({ app: { ...base.app, demo: { enabled: true } }, settings: { ...base.settings, endpoint: '' } });
    const fake = new FakeBridge(demo);
    await renderApp(fake);
    // The host still says "demo" in the snapshot that follows the settings event (it stops the simulator afterwards).
    fake.snapshot = { ...demo, seq: 11, settings: base.settings };
    expect(screen.getByRole('note', { name: 'Demo mode' })).toBeTruthy();
    await act(async () => fake.emit({ type: 'settings', seq: 11, settings: base.settings }));
    expect(screen.queryByRole('note', { name: 'Demo mode' })).toBeNull();
    expect(screen.queryByText(/No real card is charged/)).toBeNull();
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
  });
});
