import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import { LOADED, localizedTill } from '../history/localized-till';

describe('Settings in the store’s language', () => {
  it('reads German in a German window: legends, labels, buttons and hints', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('de-DE'));
    await user.keyboard('{F9}');
    expect(await screen.findByRole('heading', { name: 'Einstellungen' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Einstellungen speichern' })).toBeTruthy();
    expect(screen.getByText('Zahlungs-Gateway')).toBeTruthy();
    expect(screen.getByLabelText('Sprache und Formate')).toBeTruthy();
    expect(screen.getByText(/Gespeicherter Schlüssel •••• 1f3a\. Leer lassen, um ihn zu behalten\./)).toBeTruthy();
    expect(screen.queryByText('Save settings')).toBeNull();
  });

  it('reads Arabic in an Arabic window, right to left', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill('ar-KW'));
    await user.keyboard('{F9}');
    expect(await screen.findByRole('heading', { name: 'الإعدادات' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'حفظ الإعدادات' })).toBeTruthy();
    expect(screen.getByLabelText('اللغة والتنسيقات')).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('the Language and formats setting', () => {
  it('lists the shipped languages by their own names and saves locale ja-JP', async () => {
    const user = userEvent.setup();
    const fake = localizedTill(undefined, { settings: { locale: '' } });
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: fake.snapshot.settings } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    const picker = screen.getByLabelText('Language and formats') as HTMLSelectElement;
    const names = [...picker.options].map((o) => o.textContent);
    expect(names).toContain('Deutsch (Deutschland)');
    expect(names).toContain('日本語 (日本)');
    expect(names).toContain('العربية (الكويت)');
    expect(names[0]).toMatch(/^System default \(.+\)$/);
    expect(picker.value).toBe('');
    await user.selectOptions(picker, 'ja-JP');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((fake.callsOf('saveSettings')[0] as Record<string, unknown>).locale).toBe('ja-JP');
  });

  it('switches the window to Japanese once saved: the core sends the locale in effect', async () => {
    const user = userEvent.setup();
    const fake = localizedTill(undefined, { settings: { locale: '' } });
    fake.respond('saveSettings', (request) => {
      const settings = { ...fake.snapshot.settings, locale: request.locale };
      fake.snapshot = { ...fake.snapshot, seq: 11, app: { ...fake.snapshot.app, locale: 'ja-JP' }, settings };
      return { ok: true, value: { saved: true, settings } };
    });
    await renderApp(fake);
    await user.keyboard('{F9}');
    await user.selectOptions(screen.getByLabelText('Language and formats'), 'ja-JP');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await act(async () => fake.emit({ type: 'settings', seq: 11, settings: fake.snapshot.settings }));
    expect(await screen.findByRole('heading', { name: '設定' }, LOADED)).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja-JP');
  });

  it('takes any other locale typed by hand, and shows a stored one that is not listed', async () => {
    const user = userEvent.setup();
    const fake = localizedTill('fr-CH', { settings: { locale: 'fr-CH' } });
    fake.respond('saveSettings', () => ({ ok: true, value: { saved: true, settings: fake.snapshot.settings } }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    const typed = screen.getByLabelText(/^Locale tag/) as HTMLInputElement;
    expect(typed.value).toBe('fr-CH');
    expect(screen.getByText(/français \(Suisse\)/)).toBeTruthy();
    await user.clear(typed);
    await user.type(typed, 'pt-BR');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((fake.callsOf('saveSettings')[0] as Record<string, unknown>).locale).toBe('pt-BR');
  });

  it('is read-only when provisioned', async () => {
    const user = userEvent.setup();
    await renderApp(localizedTill(undefined, { settings: { locale: 'de-DE', lockedFields: ['locale'] } }));
    await user.keyboard('{F9}');
    expect((screen.getByLabelText(/^Language and formats/) as HTMLSelectElement).disabled).toBe(true);
  });

  it('shows the core’s field error in German when the window is German', async () => {
    const user = userEvent.setup();
    const fake = localizedTill('de-DE', { settings: { locale: 'de-DE' } });
    fake.respond('saveSettings', () => ({
      ok: true,
      value: {
        saved: false,
        errors: [{ field: 'locale', message: '"xx!" is not a locale.', msg: { key: 'services.settings.locale_unknown', values: { tag: 'xx!' } } }],
      },
    }));
    await renderApp(fake);
    await user.keyboard('{F9}');
    await user.selectOptions(await screen.findByLabelText('Sprache und Formate', {}, LOADED), 'other');
    const typed = screen.getByLabelText(/^Sprachcode/);
    await user.clear(typed);
    await user.type(typed, 'xx!');
    await user.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect((fake.callsOf('saveSettings')[0] as Record<string, unknown>).locale).toBe('xx!');
    expect(await screen.findByText(/„xx!“ ist keine gültige Sprache/)).toBeTruthy();
    expect(screen.queryByText('"xx!" is not a locale.')).toBeNull();
    expect(screen.getByText('Einige Einstellungen müssen korrigiert werden; siehe die Hinweise oben.')).toBeTruthy();
  });
});
