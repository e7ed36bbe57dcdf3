import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

describe('settings', () => {
  it('never shows a stored secret, keeps it when left empty, and shows field errors', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: false, errors: [{ field: 'currency', message: 'Use a 3-letter code such as USD.' }] } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    expect(screen.getByText(/Saved key •••• 1f3a\. Leave empty to keep it\./)).toBeTruthy();
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    const currency = screen.getByLabelText(/^Currency/);
    await user.clear(currency);
    await user.type(currency, 'dollars');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const sent = fake.callsOf('saveSettings')[0] as Record<string, unknown>;
    expect(sent).not.toHaveProperty('apiKey');
    expect(sent).not.toHaveProperty('apiSecret');
    expect(sent.currency).toBe('DOL');
    expect(screen.getByText('Use a 3-letter code such as USD.')).toBeTruthy();
    expect(currency.getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a new API key and confirms the save', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: fake.snapshot.settings } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    await user.type(screen.getByLabelText('API key'), 'new-key-123');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((fake.callsOf('saveSettings')[0] as Record<string, unknown>).apiKey).toBe('new-key-123');
    expect(screen.getByText('Settings saved.')).toBeTruthy();
  });

  it('shows fields provisioned by the administrator as read-only', async () => {
    const user = userEvent.setup();
    const base = snapshot();
    await renderApp(new FakeBridge(snapshot({ settings: { ...base.settings, lockedFields: ['endpoint'] } })));
    await user.keyboard('{F9}');
    expect(screen.getByLabelText(/Gateway address/).hasAttribute('readonly')).toBe(true);
    expect(screen.getByText(/set by your administrator/)).toBeTruthy();
  });
});

describe('diagnostics', () => {
  it('shows state, round-trip, reconnects, version and the log folder', async () => {
    const user = userEvent.setup();
    const { fake } = await renderApp();
    await user.keyboard('{F10}');
    expect(await screen.findByText('42 ms')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.getByText('/logs')).toBeTruthy();
    expect(screen.getByText('0.1.0')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Refresh/ }));
    expect(fake.callsOf('getDiagnostics').length).toBe(2);
  });
});
