import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator';
import type { SimulatorHandle } from '../../../simulator/api';
import type { Settings } from '../ports';
import { createReceiptService } from '../receipts/receipt-service';
import { printedText, startFakeEscPosPrinter, type FakeEscPosPrinter } from '../testing/fake-escpos-printer';
import { createHarness, type CoreHarness } from '../testing/harness';
import { liveSettings } from '../testing/receipt-fixtures';

/**
 * The shift through the real core: payments against the simulator on 127.0.0.1, the Z made by
 * the core's commands, printed on a (fake) network receipt printer, and after a restart with the
 * gateway gone, reprinted: the very same bytes.
 */

let sim: SimulatorHandle | undefined;
let printer: FakeEscPosPrinter | undefined;
let dataDir: string | undefined;
const harnesses: CoreHarness[] = [];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose({ keepDir: true });
  await sim?.close();
  await printer?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  sim = printer = dataDir = undefined;
});

async function wire(settings: Partial<Settings>, dir: string): Promise<CoreHarness> {
  // The receipts reach the core made after them (as the hosts compose it).
  const made: { harness?: CoreHarness } = {};
  const receipts = createReceiptService({
    findPayment: (id) => made.harness?.core.paymentDetails(id),
    settings: () => ({ ...(made.harness?.settings.current() ?? ({} as Settings)) }),
    output: {},
  });
  made.harness = await createHarness({ settings, dataDir: dir, deps: { receipts } });
  harnesses.push(made.harness);
  return made.harness;
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('shift reports on the receipt printer (real core, simulator, printer)', () => {
  it('a Z made by the core prints, and reprints byte-identical after a restart', async () => {
    sim = await startSimulator({ port: 0, defaultDelayMs: 30 });
    printer = await startFakeEscPosPrinter();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkstand-shift-print-'));
    const settings = liveSettings(sim, printer.port, { currency: 'USD', autoPrint: false });
    const first = await wire(settings, dataDir);
    const core = first.core;
    await must(core.invoke('openShift', { floatMinor: 5000 }));
    await first.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-001' && t.payable));
    const card = await must(core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 1250, currency: 'USD', paymentMethod: 'CARD' }));
    await first.waitFor((s) => s.payments.find((p) => p.transactionId === card.transactionId && p.state === 'approved'));
    // Cash is recorded at the till (never sent to a terminal): USD 5.00 paid with a USD 10 note.
    await must(core.invoke('recordCashSale', { amountMinor: 500, currency: 'USD', tenderedMinor: 1000 }));
    const closed = await must(core.invoke('closeShift', { countedCashMinor: 5500 }));
    expect(closed).toMatchObject({ closed: true, report: { label: 'Z 0001', cash: [{ expectedMinor: 5500, differenceMinor: 0 }] } });

    await must(core.invoke('printShiftReport', { number: 1 }));
    const [original] = await printer.waitForJobs(1);
    const text = printedText(original!);
    expect(text).toContain('Z REPORT 0001');
    expect(text).toMatch(/Card\s+1 x \$12\.50/);
    expect(text).toMatch(/Expected in drawer\s+\$55\.00/);

    await first.dispose({ keepDir: true });
    harnesses.splice(0);
    await sim.close();
    sim = undefined;
    const second = await wire({ ...settings, endpoint: 'ws://127.0.0.1:9/v1', storeName: 'Renamed Store' }, dataDir);
    expect(await must(second.core.invoke('getShift', {}))).toEqual({ zReports: [expect.objectContaining({ number: 1, label: 'Z 0001' })] });
    await must(second.core.invoke('printShiftReport', { number: 1 }));
    const jobs = await printer.waitForJobs(2);
    expect(jobs[1]!.equals(original!)).toBe(true);
  });
});
