import { describe, expect, it, vi } from 'vitest';
import { PrintError } from '../../core/receipts/print-error';
import { createElectronPrinting } from './printing';

// Electron cannot run here: BrowserWindow is replaced by a recording stand-in (DESIGN.md).
vi.mock('electron', () => ({}));

type PrintCallback = (success: boolean, failureReason: string) => void;

function fakeElectron(behaviour: { printResult?: [boolean, string] | 'never'; loadError?: Error } = {}) {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    destroyed = false;
    loadedUrl: string | undefined;
    printCalls: { options: Record<string, unknown> }[] = [];
    pdfCalls: Record<string, unknown>[] = [];
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    webContents = {
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      getPrintersAsync: async () => [
        { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: '', options: { 'is-default': 'true' } },
        { name: 'Office', displayName: 'Office', description: '', options: {} },
      ],
      print: (options: Record<string, unknown>, cb: PrintCallback) => {
        expect(this.loadedUrl, 'printed before the page finished loading').toBeDefined();
        this.printCalls.push({ options });
        const r = behaviour.printResult ?? [true, ''];
        if (r !== 'never') setTimeout(() => cb(r[0], r[1]), 1);
      },
      printToPDF: async (options: Record<string, unknown>) => {
        this.pdfCalls.push(options);
        return Buffer.from('%PDF-1.4 fake');
      },
    };
    async loadURL(url: string) {
      await new Promise((r) => setTimeout(r, 1));
      if (behaviour.loadError) throw behaviour.loadError;
      this.loadedUrl = url;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { electron: { BrowserWindow: FakeWindow as never }, windows };
}

const HTML = '<!doctype html><pre>USD 99.99 AUTH123456 Café</pre>';

describe('Electron printing adapter', () => {
  it('prints silently to the chosen printer on receipt paper, from a hidden sandboxed window without JavaScript', async () => {
    const { electron, windows } = fakeElectron();
    await createElectronPrinting(electron).printHtml(HTML, { deviceName: 'EPSON_TM_T20III', paperWidthMm: 80, pageHeightMm: 152 });
    const win = windows[0]!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false } });
    expect(win.loadedUrl!.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(win.loadedUrl!.split(',')[1]!, 'base64').toString('utf8')).toBe(HTML);
    expect(win.printCalls[0]!.options).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'EPSON_TM_T20III',
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 152_000 },
    });
    expect(win.destroyed).toBe(true);
  });

  it('uses the system default printer when no name is configured, on 58 mm paper', async () => {
    const { electron, windows } = fakeElectron();
    await createElectronPrinting(electron).printHtml(HTML, { deviceName: '', paperWidthMm: 58, pageHeightMm: 100 });
    expect(windows[0]!.printCalls[0]!.options).not.toHaveProperty('deviceName');
    expect(windows[0]!.printCalls[0]!.options).toMatchObject({ pageSize: { width: 58_000, height: 100_000 } });
  });

  it('turns the failure reason into a plain-language error and still destroys the window', async () => {
    const { electron, windows } = fakeElectron({ printResult: [false, 'Invalid deviceName provided'] });
    const err = await createElectronPrinting(electron)
      .printHtml(HTML, { deviceName: 'Gone', paperWidthMm: 80, pageHeightMm: 100 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect(err).toMatchObject({ retryable: false, message: 'The printer "Gone" is not installed on this computer. Choose another printer in Settings.' });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('a cancelled or failed job is retryable and names the printer', async () => {
    for (const reason of ['Print job canceled', 'Print job failed']) {
      const { electron } = fakeElectron({ printResult: [false, reason] });
      const err = await createElectronPrinting(electron)
        .printHtml(HTML, { deviceName: 'EPSON', paperWidthMm: 80, pageHeightMm: 100 })
        .catch((e) => e);
      expect(err).toMatchObject({ retryable: true, message: expect.stringContaining('The printer "EPSON"') });
    }
  });

  it('gives up on a print callback that never comes, without a second copy', async () => {
    const { electron, windows } = fakeElectron({ printResult: 'never' });
    const err = await createElectronPrinting(electron, { printTimeoutMs: 20 })
      .printHtml(HTML, { deviceName: '', paperWidthMm: 80, pageHeightMm: 100 })
      .catch((e) => e);
    expect(err).toMatchObject({ retryable: false, message: expect.stringMatching(/did not confirm the receipt/) });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('does not print when the page fails to load', async () => {
    const { electron, windows } = fakeElectron({ loadError: new Error('ERR_FAILED') });
    await expect(createElectronPrinting(electron).printHtml(HTML, { deviceName: '', paperWidthMm: 80, pageHeightMm: 100 })).rejects.toThrow('ERR_FAILED');
    expect(windows[0]!.printCalls).toHaveLength(0);
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('makes a PDF at the paper size (inches) with no margins', async () => {
    const { electron, windows } = fakeElectron();
    const bytes = await createElectronPrinting(electron).htmlToPdf(HTML, { paperWidthMm: 80, pageHeightMm: 127 });
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/^%PDF/);
    expect(windows[0]!.pdfCalls[0]).toMatchObject({
      printBackground: true,
      pageSize: { width: 80 / 25.4, height: 5 },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('lists the system printers with the default marked', async () => {
    const { electron, windows } = fakeElectron();
    expect(await createElectronPrinting(electron).list()).toEqual([
      { name: 'EPSON_TM_T20III', isDefault: true },
      { name: 'Office', isDefault: false },
    ]);
    expect(windows[0]!.destroyed).toBe(true);
  });
});
