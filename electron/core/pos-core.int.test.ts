import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, PosEvent, Snapshot, type PrintJobView } from '../../shared/ipc';
import type { ReceiptService } from './ports';
import { ReceiptError } from './receipts/print-error';
import { createHarness } from './testing/harness';
import { pay, payOk, startFixture, type SimFixture } from './testing/sim-fixture';

/** The core's command surface and event stream, as a host and renderer use them. */
let fx: SimFixture | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const c of cleanups.splice(0)) await c();
});

describe('PosCore commands', () => {
  it('answers every command with a CommandResult, validating the request first (never throws)', async () => {
    const h = await createHarness({ settings: {} });
    cleanups.push(() => h.dispose());
    for (const name of COMMAND_NAMES) {
      const r = await h.core.invoke(name, { bogus: true } as never);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await h.core.invoke('printTestPage', {})).toEqual({
      ok: false,
      error: { code: 'printer_error', message: 'Printing is not set up on this register.' },
    });
    expect(await h.core.invoke('installUpdate', {})).toEqual({ ok: true, value: { phase: 'disabled', blockedBy: [] } });
    expect((await h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 100, currency: 'USD', paymentMethod: 'CARD', orderRef: 'x' })).ok).toBe(
      false,
    );
    expect(await h.core.invoke('unknownCommand' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const snap = await h.core.invoke('getSnapshot', {});
    expect(snap.ok && Snapshot.parse(snap.value).connection).toMatchObject({ state: 'idle', reason: 'No gateway configured' });
  });

  it("passes a service's plain-language refusal through with its code instead of a generic failure", async () => {
    const refusing: ReceiptService = {
      print: () => Promise.reject(new ReceiptError('not_found', 'That payment is not on this register, so there is no receipt to print.')),
      printTestPage: () => Promise.reject(new Error('disk on fire')),
      pdf: () => Promise.reject(new ReceiptError('not_allowed', 'The payment is still running.')),
      listPrinters: () => Promise.resolve([]),
      jobs: () => [],
      onJob: () => () => {},
    };
    const h = await createHarness({ settings: {}, deps: { receipts: refusing } });
    cleanups.push(() => h.dispose());
    expect(await h.core.invoke('printReceipt', { transactionId: 'nope', copy: false })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That payment is not on this register, so there is no receipt to print.' },
    });
    expect(await h.core.invoke('receiptPdf', { transactionId: 'x' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    // Anything else stays a generic failure whose details go to the log, not to the cashier.
    expect(await h.core.invoke('printTestPage', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a payment with the right code: terminal busy, order already paying, terminal unavailable, offline', async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'MANUAL' });
    const first = await payOk(fx.h, 'TERM-001', 'ORDER-1');
    expect(await pay(fx.h, 'TERM-001', 'ORDER-2')).toMatchObject({ ok: false, error: { code: 'terminal_busy' } });
    expect(await pay(fx.h, 'TERM-002', 'ORDER-1')).toMatchObject({ ok: false, error: { code: 'order_has_open_payment' } });
    expect(await pay(fx.h, 'TERM-404', 'ORDER-3')).toMatchObject({ ok: false, error: { code: 'terminal_unavailable' } });
    expect((await fx.h.snapshot()).terminals.find((t) => t.id === 'TERM-001')).toMatchObject({ payable: false, notPayableReason: 'Busy with a payment' });
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === first && p.state === 'awaiting_result'));
    expect(fx.sim.control.resolve('TERM-001', 'SUCCESS')).toBe(true);
    await fx.h.waitFor((s) => s.terminals.find((t) => t.id === 'TERM-001' && t.payable));
    fx.h.settings.set({ endpoint: '' });
    await fx.h.waitFor((s) => s.connection.state === 'idle');
    expect(await pay(fx.h, 'TERM-002', 'ORDER-4')).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('the Pay button cannot double-fire: two simultaneous starts give one payment', async () => {
    fx = await startFixture();
    const [a, b] = await Promise.all([pay(fx.h, 'TERM-001', 'ORDER-DBL'), pay(fx.h, 'TERM-001', 'ORDER-DBL')]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    await fx.h.waitFor((s) => s.payments.find((p) => p.state === 'approved'));
    expect(fx.sim.control.transactions()).toHaveLength(1);
    expect((await fx.h.snapshot()).payments).toHaveLength(1);
  });

  it('events carry strictly increasing seq; the snapshot carries the current one', async () => {
    fx = await startFixture();
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-SEQ');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
    const seqs = fx.h.events.map((e) => PosEvent.parse(e).seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const snap = await fx.h.snapshot();
    expect(snap.seq).toBe(seqs.at(-1));
  });

  it("CSV export lists today's payments with amounts as decimal strings", async () => {
    fx = await startFixture();
    fx.sim.control.script('TERM-001', { outcome: 'FAILED', errorMessage: 'Do not honour, "sorry"' });
    const id = await payOk(fx.h, 'TERM-001', '=ORDER-CSV', 150050);
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'declined'));
    const csv = await fx.h.core.invoke('exportCsv', {});
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    expect(csv.value.filename).toMatch(/^checkstand-payments-\d{4}-\d{2}-\d{2}\.csv$/);
    const row = csv.value.csv.split('\r\n')[1]!;
    expect(row).toContain(`${id},`);
    expect(row).toContain(",'=ORDER-CSV,"); // no formula injection
    expect(row).toContain(',1500.50,USD,CARD,declined,');
    expect(row).toContain('"Do not honour, ""sorry"""');
  });

  it('auto-prints an approval when enabled, forwards print jobs as events, and reports diagnostics', async () => {
    const printed: string[] = [];
    const jobListeners = new Set<(j: PrintJobView) => void>();
    const receipts: ReceiptService = {
      async print(transactionId) {
        printed.push(transactionId);
        const job: PrintJobView = { id: `job-${printed.length}`, transactionId, kind: 'receipt', state: 'done', attempts: 1, at: Date.now() };
        for (const l of jobListeners) l(job);
        return { jobId: job.id };
      },
      printTestPage: async () => ({ jobId: 't' }),
      pdf: async () => ({ filename: 'r.pdf', base64: '' }),
      listPrinters: async () => [],
      jobs: () => [],
      onJob: (l) => (jobListeners.add(l), () => jobListeners.delete(l)),
    };
    fx = await startFixture({ settings: { autoPrint: true }, deps: { receipts } });
    const id = await payOk(fx.h, 'TERM-001', 'ORDER-PRINT');
    await fx.h.waitFor(() => printed.length === 1);
    expect(printed).toEqual([id]);
    expect(fx.h.events.some((e) => e.type === 'printJob' && e.job.transactionId === id)).toBe(true);
    const diag = await fx.h.core.invoke('getDiagnostics', {});
    expect(diag.ok && diag.value).toMatchObject({ connectionState: 'open', appVersion: '0.0.0-test' });
  });

  it('reconnects to the new gateway when the settings change', async () => {
    fx = await startFixture();
    const { startSimulator } = await import('../../simulator/index');
    const other = await startSimulator({ defaultDelayMs: 50 });
    cleanups.push(() => other.close());
    fx.h.settings.set({ endpoint: other.url });
    await fx.h.waitFor((s) => s.connection.state === 'open' && s.connection.endpoint === other.url && s.terminals.some((t) => t.payable));
    const id = await payOk(fx.h, 'TERM-002', 'ORDER-MOVE');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
    expect(other.control.transactions().map((t) => t.transactionId)).toEqual([id]);
  });
});
