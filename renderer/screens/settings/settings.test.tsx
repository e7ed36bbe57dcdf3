import { act, screen } from '@testing-library/react';
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

  it('keeps "Settings saved." and the focus when the settings event that follows a save arrives', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    const savedView = { ...fake.snapshot.settings, storeName: 'New Name', apiKey: { set: true, hint: '•••• 9z9z' } };
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: savedView } }));
    const { store } = await renderApp(fake);
    await user.keyboard('{F9}');
    const storeName = screen.getByLabelText('Store name');
    await user.clear(storeName);
    await user.type(storeName, 'New Name');
    await user.type(screen.getByLabelText('API key'), 'new-key-456');
    const save = screen.getByRole('button', { name: 'Save settings' });
    await user.click(save);
    fake.snapshot = { ...fake.snapshot, seq: 11, settings: savedView };
    await act(async () => fake.emit({ type: 'settings', seq: 11, settings: savedView }));
    expect(screen.getByText('Settings saved.').getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(save);
    // The form shows the saved view: the new name, the key field empty with the new hint.
    expect((screen.getByLabelText('Store name') as HTMLInputElement).value).toBe('New Name');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/Saved key •••• 9z9z/)).toBeTruthy();
    // …and a snapshot was fetched after the event (the demo ribbon follows the saved gateway).
    expect(fake.callsOf('getSnapshot')).toHaveLength(2);
    expect(store.getState().seq).toBe(11);
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
