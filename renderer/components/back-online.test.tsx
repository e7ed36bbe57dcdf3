import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../test/fake-bridge';
import { connection, snapshot } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** Back online at once (till: back online at once), as the renderer plays its part. */
describe('back online at once', () => {
  it('tells the main process while the cashier is on the checkout, and when they leave it', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp();
    expect(fake.callsOf('setCheckoutOpen')).toEqual([{ open: true }]);
    await user.keyboard('{F9}');
    expect(fake.callsOf('setCheckoutOpen').at(-1)).toEqual({ open: false });
    await user.keyboard('{F1}');
    expect(fake.callsOf('setCheckoutOpen').at(-1)).toEqual({ open: true });
  });

  it('says it again after the link to the app comes back (a restarted host starts from "not on the checkout")', async () => {
    const { fake } = await renderApp();
    act(() => fake.setLinked(false));
    act(() => fake.setLinked(true));
    expect(fake.callsOf('setCheckoutOpen')).toEqual([{ open: true }, { open: true }]);
  });

  it('while payments are blocked, "Reconnect now" is the obvious action (the primary button) and works', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp(new FakeBridge(snapshot({ connection: connection({ state: 'backoff', attempt: 4, nextRetryAt: Date.now() + 800 }) })));
    const reconnect = within(screen.getByTestId('connection-banner')).getByRole('button', { name: 'Reconnect now' });
    expect(reconnect.className).toMatch(/\bprimary\b/);
    await user.click(reconnect);
    expect(fake.callsOf('reconnectNow')).toEqual([{}]);
  });
});
