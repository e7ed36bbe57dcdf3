import { createPosCore } from '../../core/pos-core';
import type { CheckstandReceipts } from '../../core/receipts/receipt-service';
import { startSimulator } from '../demo-mode';
import { createBrowserHost, type BrowserHost, type BrowserHostOptions } from './host';
import { handleReceiptRequest } from './receipt-route';
import { createBrowserReceipts } from './receipts';

/**
 * `startBrowserHost` with the real core, simulator and receipts (network printers, Chromium PDFs,
 * `/receipts/<id>.html|pdf` behind the token): what main.ts and the e2e tests call.
 */
export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let receipts: CheckstandReceipts | undefined;
  return createBrowserHost(
    {
      receipts: (ctx) => (receipts = createBrowserReceipts(ctx)),
      httpRoutes: () => [(req, res) => (receipts ? handleReceiptRequest(req, res, receipts) : false)],
      ...options,
    },
    { createCore: createPosCore, startSimulator },
  );
}
export type { BrowserHost, BrowserHostOptions };
