import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBridge } from '../test/fake-bridge';
import { snapshot } from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { formatMoney } from '../format/money';
import { formatClock } from '../format/time';

const appWith = (locale?: string) => ({ ...snapshot().app, ...(locale ? { locale } : {}) });

afterEach(() => {
  document.documentElement.lang = '';
  document.documentElement.dir = '';
});

describe('the window follows the till’s locale', () => {
  it('sets <html lang dir> and every money and time format from the snapshot’s locale', async () => {
    await renderApp(new FakeBridge(snapshot({ app: appWith('ar-KW') })));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar-KW');
    // One numbering system: Arabic-Indic digits in money and in times alike.
    expect(formatMoney(24500, 'KWD')).toMatch(/٢٤٫٥٠٠/);
    expect(formatClock(Date.UTC(2026, 0, 1, 9, 5, 7))).toMatch(/[٠-٩]/);
    expect(formatClock(Date.UTC(2026, 0, 1, 9, 5, 7))).not.toMatch(/[0-9]/);
  });

  it('German formats with a left-to-right page', async () => {
    await renderApp(new FakeBridge(snapshot({ app: appWith('de-DE') })));
    await waitFor(() => expect(document.documentElement.lang).toBe('de-DE'));
    expect(document.documentElement.dir).toBe('ltr');
    expect(formatMoney(2450, 'EUR')).toBe('24,50\u00a0€');
  });

  it('switches when a new snapshot brings another locale (a saved setting)', async () => {
    const fake = new FakeBridge(snapshot({ app: appWith('ja-JP') }));
    await renderApp(fake);
    await waitFor(() => expect(document.documentElement.lang).toBe('ja-JP'));
    expect(formatMoney(2450, 'JPY')).toBe('￥2,450');
    fake.snapshot = snapshot({ seq: 20, app: appWith('ar-KW') });
    await act(async () => fake.emit({ type: 'settings', seq: 11, settings: snapshot().settings }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar-KW');
  });

  it('an older host that sends no locale: the browser’s, left to right', async () => {
    await renderApp(new FakeBridge(snapshot({ app: appWith() })));
    await waitFor(() => expect(document.documentElement.lang).toBe(navigator.language));
    expect(document.documentElement.dir).toBe('ltr');
  });
});
