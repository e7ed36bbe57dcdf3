import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator';
import type { SimulatorHandle } from '../../../simulator/api';
import type { PosCore, Settings } from '../ports';
import { createHarness, type CoreHarness } from '../testing/harness';
import { printedText, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../testing/fake-escpos-printer';
import { createReceiptService, type CheckstandReceipts } from './receipt-service';
import { liveSettings } from '../testing/receipt-fixtures';

/**
 * The whole path with real parts: the simulator on 127.0.0.1, the real core and journal, the
 * receipt service and a fake network printer. A payment is approved and auto-printed; the app is
 * stopped; a new core replays the journal from disk with the gateway gone; the cashier reprints.
 */

let sim: SimulatorHandle | undefined;
let printer: FakeEscPosPrinter | undefined;
const harnesses: CoreHarness[] = [];
let dataDir: string | undefined;

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose({ keepDir: true });
  await sim?.close();
  await printer?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  sim = undefined;
  printer = undefined;
  dataDir = undefined;
});

function wire(settings: Partial<Settings>, dir: string, start = true): Promise<{ harness: CoreHarness; receipts: CheckstandReceipts }> {
  let core: PosCore | undefined;
  const receipts = createReceiptService({
    findPayment: (id) => core?.paymentDetails(id),
    settings: () => ({ ...(harness?.settings.current() ?? ({} as Settings)) }),
    output: {},
    queue: { retryDelaysMs: [20] },
  });
  let harness: CoreHarness | undefined;
  return createHarness({ settings, dataDir: dir, deps: { receipts }, start }).then((h) => {
    harness = h;
    core = h.core;
    harnesses.push(h);
    return { harness: h, receipts };
  });
}

describe('receipts across a restart (real core, journal and simulator)', () => {
  it('auto-prints on approval, then reprints a COPY from the journal after a restart with the gateway gone', async () => {
    sim = await startSimulator({ port: 0, defaultDelayMs: 30 });
    printer = await startFakeEscPosPrinter();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkstand-reprint-'));
    const settings = liveSettings(sim, printer.port, { storeAddress: '12 Market Street', autoPrint: true });

    const first = await wire(settings, dataDir);
    await first.harness.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-001' && t.payable));
    const started = await first.harness.core.invoke('startPayment', {
      terminalId: 'TERM-001',
      amountMinor: 1250,
      currency: 'USD',
      paymentMethod: 'CARD',
      orderRef: 'ORD-RESTART-1',
    });
    if (!started.ok) throw new Error(started.error.message);
    const { transactionId } = started.value;
    const approved = await first.harness.waitFor((s) => s.payments.find((p) => p.transactionId === transactionId && p.state === 'approved'));

    // Auto-print on approval: the original receipt, with the simulator's processor text.
    const [original] = await printer.waitForJobs(1);
    const originalText = printedText(original!);
    expect(originalText).toMatch(/Amount\s+\$12\.50/);
    expect(originalText).toContain(approved.authorizationCode!);
    expect(originalText).toContain('MODULUS SIMULATED MERCHANT');
    expect(originalText).not.toContain('*** COPY ***');

    // Restart: the core stops, the gateway goes away, a new core replays the journal.
    await first.harness.dispose({ keepDir: true });
    harnesses.splice(harnesses.indexOf(first.harness), 1);
    await sim.close();
    sim = undefined;
    const second = await wire({ ...settings, endpoint: 'ws://127.0.0.1:9/v1' }, dataDir);
    const details = second.harness.core.paymentDetails(transactionId);
    expect(details?.view.state).toBe('approved');

    await second.receipts.print(transactionId, true);
    const jobs = await printer.waitForJobs(2);
    const copyText = printedText(jobs[1]!);
    expect(copyText).toContain('*** COPY ***');
    expect(copyText).toMatch(/Amount\s+\$12\.50/);
    expect(copyText).toContain(approved.authorizationCode!);
    expect(copyText).toContain('ORD-RESTART-1');
    expect(copyText).toContain('MODULUS SIMULATED MERCHANT');
    await second.receipts.idle();
    expect(second.receipts.jobs().at(-1)).toMatchObject({ kind: 'copy', state: 'done', transactionId });
  });
});
