import { afterEach, describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../../shared/ipc';
import { closedPort, printedText, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../testing/fake-escpos-printer';
import { sendToNetworkPrinter } from './network-printer';
import { createReceiptService } from './receipt-service';
import { approvedPayment, testSettings } from '../testing/receipt-fixtures';

const ESC_INIT = Buffer.from([0x1b, 0x40]);
const GS_V = Buffer.from([0x1d, 0x56]); // GS V: cut
const BOLD_ON = Buffer.from([0x1b, 0x45, 0x01]);

let printer: FakeEscPosPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

function serviceFor(port: number, paperWidthMm: 58 | 80 = 80, maxAttempts = 3) {
  const payment = approvedPayment();
  const settings = testSettings({ kind: 'network', host: '127.0.0.1', port, paperWidthMm });
  const events: PrintJobView[] = [];
  const service = createReceiptService({
    findPayment: (id) => (id === payment.view.transactionId ? payment : undefined),
    settings: () => settings,
    output: {},
    queue: { maxAttempts, retryDelaysMs: [30] },
  });
  service.onJob((job) => events.push(job));
  return { service, events, payment };
}

describe('network ESC/POS printer (fake printer on 127.0.0.1)', () => {
  it('sends the receipt text, initialises the printer and cuts the paper', async () => {
    printer = await startFakeEscPosPrinter();
    const { service, payment } = serviceFor(printer.port);
    const { jobId } = await service.print(payment.view.transactionId, false);
    const [bytes] = await printer.waitForJobs(1);
    const text = bytes!.toString('latin1');
    expect(bytes!.subarray(0, 2)).toEqual(ESC_INIT);
    expect(text).toContain('Corner Grocer');
    expect(text).toMatch(/Amount {36}\$99\.99/);
    expect(text).toContain('AUTH123456');
    expect(text).toContain('MERCHANT ID        000123456789');
    expect(text).toContain('CARD               **** **** **** 4242');
    expect(bytes!.includes(BOLD_ON)).toBe(true);
    // The cut comes after the last line of text, and after a few blank lines for the blade.
    const cutAt = bytes!.lastIndexOf(GS_V);
    expect(cutAt).toBeGreaterThan(text.lastIndexOf('Please keep this receipt.'));
    expect(text.slice(text.lastIndexOf('Please keep this receipt.'), cutAt)).toMatch(/\n{4}/);
    await service.idle();
    expect(service.jobs()).toEqual([expect.objectContaining({ id: jobId, state: 'done', attempts: 1, kind: 'receipt' })]);
  });

  it('encodes accented text in a printer code page and wraps at 32 columns on 58 mm', async () => {
    printer = await startFakeEscPosPrinter();
    const { service, payment } = serviceFor(printer.port, 58);
    payment.response!.receiptData = 'Café crème';
    await service.print(payment.view.transactionId, true);
    const [bytes] = await printer.waitForJobs(1);
    const text = bytes!.toString('latin1');
    // ESC t n selects a code page; "é" is one byte in it (0x82 in cp437), never UTF-8's two.
    expect(bytes!.includes(Buffer.from([0x1b, 0x74]))).toBe(true);
    expect(text).toContain('Caf\x82 cr\x8ame');
    expect(bytes!.includes(Buffer.from('Café', 'utf8'))).toBe(false);
    expect(text).toContain('*** COPY ***');
    const printedLines = printedText(bytes!).split('\n');
    expect(printedLines).toContain('          *** COPY ***          ');
    expect(printedLines).toContain('Caf\x82 cr\x8ame');
    expect(Math.max(...printedLines.map((l) => l.length))).toBe(32);
  });

  it('retries when the printer refuses the first connection, and prints once', async () => {
    printer = await startFakeEscPosPrinter({ resetFirst: 1 });
    const { service, events, payment } = serviceFor(printer.port);
    const { jobId } = await service.print(payment.view.transactionId, false);
    await printer.waitForJobs(1);
    await service.idle();
    expect(printer.connections).toBe(2);
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.toString('latin1')).toContain('AUTH123456');
    const states = events.filter((e) => e.id === jobId).map((e) => e.state);
    expect(states).toEqual(['queued', 'printing', 'retrying', 'printing', 'done']);
    const retrying = events.find((e) => e.state === 'retrying')!;
    expect(retrying.error).toMatch(/receipt printer at 127\.0\.0\.1:\d+/);
    expect(service.jobs().at(-1)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('gives up after the last attempt with a plain-language error, without blocking the caller', async () => {
    const port = await closedPort();
    const { service, events, payment } = serviceFor(port, 80, 2);
    const { jobId } = await service.print(payment.view.transactionId, false);
    // print() has already returned; the job is still being worked on in the background.
    expect(service.jobs().find((j) => j.id === jobId)?.state).not.toBe('failed');
    await service.idle();
    const failed = events.at(-1)!;
    expect(failed).toMatchObject({ id: jobId, state: 'failed', attempts: 2 });
    expect(failed.error).toBe(`The receipt printer at 127.0.0.1:${port} did not answer. Check that it is switched on and connected to the network.`);
  });

  it('reports a printer that resets the connection in plain words', async () => {
    printer = await startFakeEscPosPrinter({ resetFirst: 5 });
    const err = await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, new Uint8Array(200_000)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/127\.0\.0\.1:\d+ (closed the connection before the receipt was printed|did not answer)/);
  });

  it('asks the printer for its status first and says when it is out of paper, without sending the receipt', async () => {
    printer = await startFakeEscPosPrinter({ status: 'paper_out' });
    const { service, payment } = serviceFor(printer.port, 80, 2);
    await service.print(payment.view.transactionId, false);
    await service.idle();
    expect(service.jobs()[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: `The receipt printer at 127.0.0.1:${printer.port} is out of paper. Load a new roll, then print again.`,
    });
    expect(printer.jobs).toHaveLength(0);
  });

  it('says when the printer cover is open', async () => {
    printer = await startFakeEscPosPrinter({ status: 'cover_open' });
    const err = await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, new Uint8Array([0x41])).catch((e: Error) => e);
    expect((err as Error).message).toBe(`The receipt printer at 127.0.0.1:${printer.port} has its cover open. Close the cover, then print again.`);
  });

  it('still prints to a printer that does not answer status requests', async () => {
    printer = await startFakeEscPosPrinter({ status: 'silent' });
    await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, Buffer.from('HELLO\n'), { statusTimeoutMs: 50 });
    const [job] = await printer.waitForJobs(1);
    expect(job!.toString('latin1')).toBe('HELLO\n');
  });

  it('says so when the printer address does not resolve', async () => {
    const err = await sendToNetworkPrinter({ host: 'printer.invalid', port: 9100 }, new Uint8Array([1])).catch((e: Error) => e);
    expect((err as Error).message).toBe('The printer address "printer.invalid" could not be found. Check the printer address in Settings.');
  });
});
