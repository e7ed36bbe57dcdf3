import { describe, expect, it } from 'vitest';
import type { VoidAlert } from '../../../shared/ipc';
import { recoveryPageHtml, recoveryPageUrl } from './recovery-page';

const alert: VoidAlert = {
  id: 'a1',
  transactionId: 'tx-1',
  terminalId: 'TERM-001',
  orderRef: 'ORDER-<b>42</b>',
  amountMinor: 1250,
  currency: 'EUR',
  reason: 'Late approval voided',
  at: Date.UTC(2026, 0, 15, 9, 0),
};

describe('recovery screen', () => {
  it('says what to do, and still shows an open void alert (escaped)', () => {
    const html = recoveryPageHtml({ alerts: [alert], logDir: '/data/logs', retryInMinutes: 2 });
    expect(html).toMatch(/Checkstand stopped working/);
    expect(html).toMatch(/Close Checkstand and start it again/);
    expect(html).toMatch(/\/data\/logs/);
    expect(html).toMatch(/VOIDED/);
    expect(html).toContain('ORDER-&lt;b&gt;42&lt;/b&gt;');
    expect(html).toContain('€12.50');
    expect(html).toContain('TERM-001');
    expect(html).not.toContain('<b>42</b>');
  });

  it('runs no script: a CSP that allows none, as a data: URL', () => {
    const url = recoveryPageUrl({ alerts: [], logDir: '/l', retryInMinutes: 2 });
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/No void alert is waiting/);
  });

  it("speaks the till's language: ar-KW is Arabic, right to left, amounts in the locale", () => {
    const html = recoveryPageHtml({ alerts: [{ ...alert, currency: 'KWD', amountMinor: 24500 }], logDir: '/data/logs', retryInMinutes: 2, locale: 'ar-KW' });
    expect(html).toContain('<html lang="ar-KW" dir="rtl">');
    expect(html).toContain('توقف Checkstand عن العمل');
    expect(html).toContain('لم يتم خصم أي مبلغ من العميل');
    expect(html).toContain('٢٤٫٥٠٠');
    expect(html).not.toContain('Checkstand stopped working');
  });

  it('in German, with <html lang="de-DE" dir="ltr">', () => {
    const html = recoveryPageHtml({ alerts: [], logDir: '/l', retryInMinutes: 2, locale: 'de-DE' });
    expect(html).toContain('<html lang="de-DE" dir="ltr">');
    expect(html).toMatch(/Checkstand funktioniert nicht mehr/);
  });
});
