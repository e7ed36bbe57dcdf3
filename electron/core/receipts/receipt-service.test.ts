import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentDetails, Settings } from '../ports';
import type { PdfPort, SystemPrinterPort } from './render-ports';
import { PrintError, ReceiptError } from './print-error';
import { createReceiptService } from './receipt-service';
import { approvedPayment, testSettings } from '../testing/receipt-fixtures';

/** A system printer that records what it was asked to print (the service is what is under test). */
function recordingSystemPrinter(fail?: PrintError) {
  const calls: { html: string; options: Parameters<SystemPrinterPort['printHtml']>[1] }[] = [];
  const port: SystemPrinterPort = {
    list: async () => [
      { name: 'EPSON_TM_T20III', isDefault: true },
      { name: 'Office_Laser', isDefault: false },
    ],
    printHtml: async (html, options) => {
      calls.push({ html, options });
      if (fail) throw fail;
    },
  };
  return { port, calls };
}

const fakePdf: PdfPort = { htmlToPdf: async (html) => new TextEncoder().encode(`%PDF-1.4 stand-in ${html.length}`) };

let tmp: string | undefined;
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = undefined;
});

function make(settings: Settings, payments: PaymentDetails[], output: Parameters<typeof createReceiptService>[0]['output'], pdfDir?: string) {
  const warnings: { event: string; fields?: Record<string, unknown> }[] = [];
  const service = createReceiptService({
    findPayment: (id) => payments.find((p) => p.view.transactionId === id),
    settings: () => settings,
    output,
    ...(pdfDir ? { pdfDir } : {}),
    queue: { retryDelaysMs: [5], maxAttempts: 2 },
    logger: { info() {}, warn: (event, fields) => warnings.push({ event, fields }), error() {} },
  });
  return { service, warnings };
}

describe('receipt service', () => {
  it('prints to the configured system printer on the chosen paper width', async () => {
    const printer = recordingSystemPrinter();
    const payment = approvedPayment();
    const { service } = make(testSettings({ kind: 'system', systemName: 'EPSON_TM_T20III', paperWidthMm: 58 }), [payment], { system: printer.port });
    await service.print(payment.view.transactionId, false);
    await service.idle();
    expect(printer.calls).toHaveLength(1);
    expect(printer.calls[0]!.options).toMatchObject({ deviceName: 'EPSON_TM_T20III', paperWidthMm: 58 });
    expect(printer.calls[0]!.options.pageHeightMm).toBeGreaterThan(80);
    expect(printer.calls[0]!.html).toContain('AUTH123456');
    expect(printer.calls[0]!.html).toContain('size: 58mm');
    expect(service.jobs()).toEqual([expect.objectContaining({ state: 'done', kind: 'receipt', transactionId: payment.view.transactionId })]);
  });

  it('prints one original per payment: pressing Print again gives a COPY', async () => {
    const printer = recordingSystemPrinter();
    const payment = approvedPayment();
    const { service } = make(testSettings({ kind: 'system' }), [payment], { system: printer.port });
    await service.print(payment.view.transactionId, false);
    await service.print(payment.view.transactionId, false);
    await service.idle();
    expect(service.jobs().map((j) => j.kind)).toEqual(['receipt', 'copy']);
    expect(printer.calls[0]!.html).not.toContain('*** COPY ***');
    expect(printer.calls[1]!.html).toContain('*** COPY ***');
  });

  it('passes the system printer failure to the job as the cashier-facing error', async () => {
    const printer = recordingSystemPrinter(new PrintError('The printer "EPSON" is not installed on this computer. Choose another printer in Settings.', false));
    const payment = approvedPayment();
    const { service } = make(testSettings({ kind: 'system', systemName: 'EPSON' }), [payment], { system: printer.port });
    await service.print(payment.view.transactionId, true);
    await service.idle();
    expect(service.jobs()[0]).toMatchObject({ state: 'failed', kind: 'copy', attempts: 1, error: expect.stringContaining('is not installed') });
  });

  it('refuses with a clear error when no printer is set up, the payment is unknown or still running', async () => {
    const running = approvedPayment({ view: { transactionId: 'run-1', state: 'awaiting_result' } });
    const done = approvedPayment();
    const none = make(testSettings({ kind: 'none' }), [running, done], {}).service;
    await expect(none.print(done.view.transactionId, false)).rejects.toMatchObject({
      code: 'printer_error',
      message: expect.stringMatching(/No receipt printer is set up/),
    });
    const net = make(testSettings(), [running, done], {}).service;
    await expect(net.print('nope', false)).rejects.toBeInstanceOf(ReceiptError);
    await expect(net.print('nope', false)).rejects.toMatchObject({ code: 'not_found' });
    await expect(net.print('run-1', false)).rejects.toMatchObject({ code: 'not_allowed', message: expect.stringMatching(/still in progress/) });
    const noSystem = make(testSettings({ kind: 'system' }), [done], {}).service;
    await expect(noSystem.print(done.view.transactionId, false)).rejects.toMatchObject({ code: 'printer_error' });
    expect(net.jobs()).toEqual([]);
  });

  it('printer kind "pdf" saves each receipt as a file in the receipts folder', async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'checkstand-receipts-'));
    const dir = path.join(tmp, 'receipts');
    const payment = approvedPayment();
    const { service } = make(testSettings({ kind: 'pdf' }), [payment], { pdf: fakePdf }, dir);
    await service.print(payment.view.transactionId, false);
    await service.print(payment.view.transactionId, true);
    await service.idle();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([`receipt-ORD-12345-${payment.view.transactionId}-copy.pdf`, `receipt-ORD-12345-${payment.view.transactionId}.pdf`]);
    expect((await readFile(path.join(dir, files[1]!), 'latin1')).startsWith('%PDF')).toBe(true);
  });

  it('pdf() answers with the file name and the PDF bytes for archive or e-mail', async () => {
    const payment = approvedPayment();
    const { service } = make(testSettings({ kind: 'network' }), [payment], { pdf: fakePdf });
    const { filename, base64 } = await service.pdf(payment.view.transactionId);
    expect(filename).toBe(`receipt-ORD-12345-${payment.view.transactionId}.pdf`);
    expect(Buffer.from(base64, 'base64').toString('latin1')).toMatch(/^%PDF/);
    await expect(make(testSettings(), [payment], {}).service.pdf(payment.view.transactionId)).rejects.toMatchObject({ code: 'printer_error' });
  });

  it('logs receiptData that is not text and still prints the fallback', async () => {
    const printer = recordingSystemPrinter();
    const payment = approvedPayment({ response: { receiptData: '{"raw":"emv tlv 9f26"}' } });
    const { service, warnings } = make(testSettings({ kind: 'system' }), [payment], { system: printer.port });
    await service.print(payment.view.transactionId, false);
    await service.idle();
    expect(warnings).toContainEqual({
      event: 'receipt.data_unprintable',
      fields: expect.objectContaining({ reason: 'json', transactionId: payment.view.transactionId }),
    });
    expect(printer.calls[0]!.html).toContain('Card receipt text unavailable.');
  });

  it('prints a test page and lists system printers', async () => {
    const printer = recordingSystemPrinter();
    const { service } = make(testSettings({ kind: 'system' }), [], { system: printer.port });
    await service.printTestPage();
    await service.idle();
    expect(printer.calls[0]!.html).toContain('PRINTER TEST PAGE');
    expect(service.jobs()[0]).toMatchObject({ kind: 'test_page', state: 'done' });
    expect(await service.listPrinters()).toEqual([
      { name: 'EPSON_TM_T20III', isDefault: true },
      { name: 'Office_Laser', isDefault: false },
    ]);
    expect(await make(testSettings(), [], {}).service.listPrinters()).toEqual([]);
  });
});
