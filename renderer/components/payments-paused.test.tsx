import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PaymentsPause } from '../../shared/ipc';
import { FakeBridge } from '../test/fake-bridge';
import { snapshot } from '../test/fixtures';
import { renderApp } from '../test/render-app';

/** Money-truth rules 1 and 8 on the cashier's screen: a red banner, Pay blocked, the field marked. */
const badEndpoint: PaymentsPause = {
  kind: 'settings',
  field: 'endpoint',
  source: 'environment variable CHECKSTAND_ENDPOINT',
  problem: 'The gateway address must start with wss://.',
  message:
    'Payments are blocked: the gateway address set in environment variable CHECKSTAND_ENDPOINT is not valid. The gateway address must start with wss://.',
};
const journalDown: PaymentsPause = {
  kind: 'journal',
  message: 'Payments paused — the journal cannot be written (disk full). The till keeps trying; payments already taken are kept in memory until it can.',
};
const banner = () => screen.getByTestId('connection-banner');

describe('payments blocked by a bad gateway setting or an unwritable journal', () => {
  it('a bad gateway setting: red banner naming the setting, its source and the problem; Pay says why it is off', async () => {
    await renderApp(new FakeBridge(snapshot({ paused: [badEndpoint] })));
    expect(banner().className).toContain('banner-bad');
    expect(banner().textContent).toContain('Payments blocked — a gateway setting is not valid');
    expect(banner().textContent).toContain(badEndpoint.message);
    expect(banner().textContent).not.toMatch(/Online/);
    expect((screen.getByRole('button', { name: /^Pay/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText(badEndpoint.message).length).toBeGreaterThanOrEqual(2);
  });

  it('the same problem is shown next to the field in Settings', async () => {
    const user = userEvent.setup();
    await renderApp(new FakeBridge(snapshot({ paused: [badEndpoint] })));
    await user.keyboard('{F9}');
    const field = screen.getByLabelText('Gateway address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(
        /The gateway address must start with wss:\/\/\. \(set in environment variable CHECKSTAND_ENDPOINT; payments are blocked until it is fixed\)/,
      ),
    ).toBeTruthy();
  });

  it('a journal that cannot be written: a persistent "payments paused" banner', async () => {
    await renderApp(new FakeBridge(snapshot({ paused: [journalDown] })));
    expect(banner().className).toContain('banner-bad');
    expect(banner().textContent).toContain('Payments paused — the journal cannot be written');
    expect((screen.getByRole('button', { name: /^Pay/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
