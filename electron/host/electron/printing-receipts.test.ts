import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PosCore } from '../../core/ports';
import { approvedPayment, testSettings } from '../../core/testing/receipt-fixtures';
import type { ServiceContext } from '../compose';
import { createElectronReceipts } from './printing-receipts';

// Electron cannot run here: a stand-in BrowserWindow that "prints" and "makes PDFs".
vi.mock('electron', () => ({}));

const printed: Record<string, unknown>[] = [];
class FakeWindow {
  webContents = {
    setWindowOpenHandler() {},
    on() {},
    getPrintersAsync: async () => [],
    print: (options: Record<string, unknown>, cb: (ok: boolean, reason: string) => void) => {
      printed.push(options);
      cb(true, '');
    },
    printToPDF: async () => Buffer.from('%PDF-1.4 stand-in'),
  };
  async loadURL() {}
  isDestroyed() {
    return false;
  }
  destroy() {}
}

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  printed.length = 0;
});

function context(kind: 'system' | 'pdf', dir: string): ServiceContext {
  const payment = approvedPayment();
  const settings = testSettings({ kind, systemName: 'EPSON_TM_T20III' });
  return {
    dataDir: dir,
    settings: { current: () => settings } as unknown as ServiceContext['settings'],
    logger: { info() {}, warn() {}, error() {} },
    appInfo: {} as ServiceContext['appInfo'],
    locale: () => 'en-US',
    core: () => ({ paymentDetails: (id: string) => (id === payment.view.transactionId ? payment : undefined) }) as unknown as PosCore,
  };
}

describe('Electron receipts wiring', () => {
  it('prints payments the core knows to the configured system printer', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'checkstand-el-'));
    const receipts = createElectronReceipts(context('system', dataDir), { BrowserWindow: FakeWindow as never });
    await receipts.print(approvedPayment().view.transactionId, false);
    await receipts.idle();
    expect(printed).toEqual([expect.objectContaining({ silent: true, deviceName: 'EPSON_TM_T20III' })]);
    await expect(receipts.print('unknown', false)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('printer kind "pdf" saves to <dataDir>/receipts', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'checkstand-el-'));
    const receipts = createElectronReceipts(context('pdf', dataDir), { BrowserWindow: FakeWindow as never });
    await receipts.print(approvedPayment().view.transactionId, false);
    await receipts.idle();
    expect(await readdir(path.join(dataDir, 'receipts'))).toEqual([`receipt-ORD-12345-${approvedPayment().view.transactionId}.pdf`]);
  });
});
