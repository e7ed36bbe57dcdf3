import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fake-bridge';
import { snapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

describe('the catalogue in Settings and Diagnostics', () => {
  it('Diagnostics names the catalogue file, its item count, and every skipped line by number', async () => {
    const user = userEvent.setup();
    const fake = new FakeBridge();
    fake.respond('getDiagnostics', () => ({
      ok: true,
      value: {
        connectionState: 'open',
        endpoint: 'wss://gw.example/v1',
        reconnectsToday: 0,
        appVersion: '0.1.0',
        logDir: '/logs',
        journalDir: '/journal',
        recentErrors: [],
        catalog: {
          source: 'file',
          path: '/srv/store/catalog.csv',
          items: 2,
          unit: 'line',
          problems: [
            { line: 3, message: 'Skipped: the price "abc" is not an amount like 2.50.' },
            { line: 7, message: 'Skipped: barcode 111111 is already on line 2.' },
          ],
        },
      },
    }));
    await renderApp(fake);
    await user.keyboard('{F10}');
    expect((await screen.findByText(/The store’s catalogue file/)).textContent).toMatch(/\/srv\/store\/catalog\.csv: 2 items/);
    expect(screen.getByRole('list', { name: 'Skipped catalogue lines' }).textContent).toContain('Line 3: Skipped: the price "abc" is not an amount like 2.50.');
    expect(screen.getByText('Line 7: Skipped: barcode 111111 is already on line 2.')).toBeTruthy();
  });

  it('Settings keeps the provisioned catalogue path when the form is saved', async () => {
    const user = userEvent.setup();
    const base = snapshot();
    const fake = new FakeBridge(snapshot({ settings: { ...base.settings, catalogPath: '/srv/store/catalog.csv' } }));
    fake.respond('saveSettings', (input) => ({ ok: true, value: { saved: true, settings: { ...base.settings, catalogPath: input.catalogPath ?? '' } } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    await user.click(screen.getByRole('button', { name: /^Save/ }));
    expect(fake.callsOf('saveSettings')).toEqual([expect.objectContaining({ catalogPath: '/srv/store/catalog.csv' })]);
  });
});
