import { afterEach, describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../../shared/ipc';
import type { Settings } from '../ports';
import { translatorFor } from '../i18n/core-translator';
import { closedPort, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../testing/fake-escpos-printer';
import { approvedPayment, testSettings } from '../testing/receipt-fixtures';
import { createReceiptService } from './receipt-service';
import { textWidth } from './text-width';

/**
 * Receipts in the till's language (issue 16): the words from receipts.json, amounts and times in
 * the locale's own format, read at each receipt (a saved setting changes the next one).
 */

const EURO_SALE = approvedPayment({
  view: { amountMinor: 2450, currency: 'EUR', cashier: { id: 'p1', name: 'Anna Müller' } },
  response: { amount: '24.50', currency: 'EUR', receiptData: undefined },
});
const YEN_SALE = approvedPayment({ view: { amountMinor: 2450, currency: 'JPY' }, response: { amount: '2450', currency: 'JPY', receiptData: undefined } });
const DINAR_SALE = approvedPayment({ view: { amountMinor: 24500, currency: 'KWD' }, response: { amount: '24.500', currency: 'KWD', receiptData: undefined } });

let printer: FakeEscPosPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

function serviceFor(payment: ReturnType<typeof approvedPayment>, settings: { current: Settings }) {
  const events: PrintJobView[] = [];
  const service = createReceiptService({
    findPayment: (id) => (id === payment.view.transactionId ? payment : undefined),
    settings: () => settings.current,
    output: {},
    queue: { maxAttempts: 1, retryDelaysMs: [10] },
  });
  service.onJob((job) => events.push(job));
  return { service, events };
}

/** The receipt's lines as printed (the <pre> of the page, without its markup). */
const textOf = (html: string) => (/<pre>([\s\S]*)<\/pre>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('receipts in the till language', () => {
  it('a German receipt says Beleg words and "24,50 €"', () => {
    const { service } = serviceFor(EURO_SALE, { current: testSettings({}, { locale: 'de-DE', receiptCashierName: 'full' }) });
    const text = textOf(service.html(EURO_SALE.view.transactionId));
    expect(text).toMatch(/Betrag\s+24,50\u00a0€/);
    expect(text).toContain('KARTENZAHLUNG');
    expect(text).toMatch(/Status\s+GENEHMIGT/);
    expect(text).toMatch(/Kassierer\/in\s+Anna Müller/);
    expect(text).toContain('Vielen Dank!');
  });

  it('a Japanese receipt at 58 mm pads its lines by display width (full-width characters count two)', () => {
    const { service } = serviceFor(YEN_SALE, { current: testSettings({ paperWidthMm: 58 }, { locale: 'ja-JP' }) });
    const lines = textOf(service.html(YEN_SALE.view.transactionId)).split('\n');
    const amountLine = lines.find((l) => l.startsWith('金額'));
    expect(amountLine).toBeDefined();
    expect(amountLine).toMatch(/￥2,450$/);
    expect(textWidth(amountLine!)).toBe(32);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(32);
    expect(lines.join('\n')).toContain('領収書');
  });

  it('an ar-KW receipt page is right-to-left with the amount in Arabic-Indic digits and د.ك.', () => {
    const { service } = serviceFor(DINAR_SALE, { current: testSettings({}, { locale: 'ar-KW' }) });
    const html = service.html(DINAR_SALE.view.transactionId);
    expect(html).toMatch(/<html lang="ar-KW" dir="rtl">/);
    expect(html).toContain('٢٤٫٥٠٠');
    expect(html).toContain('د.ك.');
    expect(html).toContain('إيصال');
  });

  it('a reprint after a locale change is in the new language (the till language at the time of printing)', () => {
    const settings = { current: testSettings({}, { locale: 'de-DE' }) };
    const { service } = serviceFor(EURO_SALE, settings);
    expect(textOf(service.html(EURO_SALE.view.transactionId))).toContain('Betrag');
    settings.current = testSettings({}, { locale: 'es-ES' });
    const text = textOf(service.html(EURO_SALE.view.transactionId));
    expect(text).toMatch(/Importe\s+24,50\u00a0€/);
    expect(text).not.toContain('Betrag');
  });
});

describe('ESC/POS network printers and the till language', () => {
  it('prints "Müller" and "24,50 €" in a code page that has ü and €', async () => {
    printer = await startFakeEscPosPrinter();
    const settings = { current: testSettings({ kind: 'network', host: '127.0.0.1', port: printer.port }, { locale: 'de-DE', receiptCashierName: 'full' }) };
    const { service } = serviceFor(EURO_SALE, settings);
    await service.print(EURO_SALE.view.transactionId, false);
    const [bytes] = await printer.waitForJobs(1);
    const hex = bytes!.toString('hex');
    // Epson code page 0 (PC437): ü = 0x81; code page 13 (PC857): € = 0xD5, NBSP = 0xFF.
    expect(hex).toContain(Buffer.from('M\x81ller', 'latin1').toString('hex'));
    expect(hex).toMatch(/32342c3530(ff|20)(1b74..)?d5/);
    expect(bytes!.includes(0x3f)).toBe(false); // no "?" for a character the printer lacks
  });

  it('a Japanese receipt on a Latin-only printer fails with a clear message and stays reprintable', async () => {
    printer = await startFakeEscPosPrinter();
    const settings = { current: testSettings({ kind: 'network', host: '127.0.0.1', port: printer.port }, { locale: 'ja-JP' }) };
    const { service, events } = serviceFor(YEN_SALE, settings);
    await service.print(YEN_SALE.view.transactionId, false);
    await service.idle();
    const failed = events.find((e) => e.state === 'failed');
    expect(failed?.errorMsg).toEqual({ key: 'receipts.error.script_not_printable' });
    expect(failed?.error).toContain('Latin letters only');
    expect(printer.jobs).toHaveLength(0);
    settings.current = testSettings({ kind: 'network', host: '127.0.0.1', port: printer.port }, { locale: 'de-DE' });
    await service.print(YEN_SALE.view.transactionId, true);
    await printer.waitForJobs(1);
  });

  it('a failed print job carries its reason as a code, which the Printing screen says in the till language', async () => {
    const port = await closedPort();
    const settings = { current: testSettings({ kind: 'network', host: '127.0.0.1', port }, { locale: 'de-DE' }) };
    const { service, events } = serviceFor(EURO_SALE, settings);
    await service.print(EURO_SALE.view.transactionId, false);
    await service.idle();
    const failed = events.find((e) => e.state === 'failed');
    expect(failed?.errorMsg).toEqual({ key: 'receipts.error.printer_not_answering', values: { printer: `127.0.0.1:${port}` } });
    expect(failed?.error).toBe(`The receipt printer at 127.0.0.1:${port} did not answer. Check that it is switched on and connected to the network.`);
    expect(translatorFor('de-DE').say(failed?.errorMsg)).toBe(
      `Der Belegdrucker unter 127.0.0.1:${port} antwortet nicht. Prüfen Sie, ob er eingeschaltet und mit dem Netzwerk verbunden ist.`,
    );
  });

  it('a refused receipt request carries its reason as a code beside the English (CommandError.msg)', async () => {
    const { service } = serviceFor(EURO_SALE, { current: testSettings({ kind: 'none' }, { locale: 'de-DE' }) });
    await expect(service.print('unknown-tx', false)).rejects.toMatchObject({ code: 'not_found', msg: { key: 'receipts.error.not_known' } });
    await expect(service.print(EURO_SALE.view.transactionId, false)).rejects.toMatchObject({
      code: 'printer_error',
      msg: { key: 'receipts.error.no_printer' },
      message: 'No receipt printer is set up. Choose one in Settings, under Printer.',
    });
  });
});
