import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BasketLine } from '../../../shared/basket';
import { fromWireAmount } from '../../../shared/money';
import { buildPaymentReceipt } from '../receipts/receipt-model';
import { renderReceiptText } from '../receipts/receipt-text';
import { createHarness } from '../testing/harness';
import { testSettings } from '../testing/receipt-fixtures';
import { startFixture, type SimFixture } from '../testing/sim-fixture';

let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

type WireProduct = { id: string; name: string; price: string; quantity: number; [k: string]: unknown };

/** The payment frames the gateway received, exactly as they came off the wire (its frame log). */
function paymentFramesAtGateway(fx: SimFixture): { paymentRequest: { amount: string; products?: WireProduct[] } }[] {
  return fx.sim.control
    .log()
    .filter((e) => e.dir === 'in' && e.role === 'desktop' && (e.frame as { action?: string }).action === 'payment')
    .map((e) => JSON.parse(e.text!) as never);
}

const framesArrived = (fx: SimFixture, count = 1) =>
  vi.waitFor(() => {
    const frames = paymentFramesAtGateway(fx);
    if (frames.length < count) throw new Error('no payment frame at the gateway yet');
    return frames;
  });

const line = (n: number, extra: Partial<BasketLine> = {}): BasketLine => ({
  id: `SKU-${n}`,
  name: `Item ${n}`,
  unitPriceMinor: 100 + n,
  quantity: 1,
  ...extra,
});
const total = (lines: BasketLine[]) => lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0);

describe('a basket on the wire', () => {
  it('sends the vendor example’s product verbatim for a one-line basket, and sku, category, brand and tax where known', async () => {
    fx = await startFixture();
    const widget: BasketLine = { id: 'PROD-001', name: 'Widget', unitPriceMinor: 9999, quantity: 1 };
    const coffee: BasketLine = {
      id: 'CAF-1',
      name: 'Coffee',
      unitPriceMinor: 428,
      quantity: 2,
      sku: 'CAF-1',
      category: 'Drinks',
      brand: 'House',
      taxRate: 7,
      barcode: '100001',
    };
    const r = await fx.h.core.invoke('startPayment', {
      terminalId: 'TERM-001',
      amountMinor: 9999 + 856,
      currency: 'USD',
      paymentMethod: 'CARD',
      lines: [widget, coffee],
    });
    expect(r.ok).toBe(true);
    const [frame] = await framesArrived(fx);
    // S4's example product: { "id": "PROD-001", "name": "Widget", "price": "99.99", "quantity": 1 }
    expect(frame!.paymentRequest.products![0]).toStrictEqual(JSON.parse('{ "id": "PROD-001", "name": "Widget", "price": "99.99", "quantity": 1 }'));
    // 8.56 includes 7 %: 8.56 × 7 / 107 = 0.56
    expect(frame!.paymentRequest.products![1]).toStrictEqual({
      id: 'CAF-1',
      name: 'Coffee',
      price: '4.28',
      quantity: 2,
      sku: 'CAF-1',
      category: 'Drinks',
      brand: 'House',
      tax: 0.56,
    });
    expect(frame!.paymentRequest.amount).toBe('108.55');
  });

  it('an amount-only sale sends the frame as before: no products', async () => {
    fx = await startFixture();
    expect((await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 1234, currency: 'USD', paymentMethod: 'CARD' })).ok).toBe(true);
    const [frame] = await framesArrived(fx);
    expect(frame!.paymentRequest).not.toHaveProperty('products');
    expect(Object.keys(frame!.paymentRequest).sort()).toEqual(['amount', 'currency', 'metadata', 'paymentMethod', 'transactionId']);
  });

  it('beyond 100 lines sends the first 99 and one summary line; the products still add up to the amount and the frame stays under 32 KB', async () => {
    fx = await startFixture();
    const lines = Array.from({ length: 150 }, (_, i) =>
      line(i, { name: `Item ${i} ${'with a long descriptive name '.repeat(3)}`.slice(0, 120), quantity: 1 + (i % 3) }),
    );
    const r = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: total(lines), currency: 'USD', paymentMethod: 'CARD', lines });
    expect(r.ok).toBe(true);
    const [frame] = await framesArrived(fx);
    const products = frame!.paymentRequest.products!;
    expect(products.length).toBeLessThanOrEqual(100);
    expect(products.at(-1)).toMatchObject({ id: 'SUMMARY', quantity: 1, name: expect.stringMatching(/more items/) });
    expect(products.reduce((s, p) => s + fromWireAmount(p.price, 'USD')! * p.quantity, 0)).toBe(total(lines));
    expect(Buffer.byteLength(JSON.stringify(frame))).toBeLessThanOrEqual(32 * 1024);
    // The till keeps every line, even those folded on the wire.
    expect((await fx.h.snapshot()).payments[0]!.lines).toHaveLength(150);
  });

  it('refuses a basket whose lines do not add up to the amount, and sends nothing', async () => {
    fx = await startFixture();
    const r = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 500, currency: 'USD', paymentMethod: 'CARD', lines: [line(1)] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/add up to 1.01 but the payment is for 5.00/) } });
    // A payment after it arrives alone: the refused one never reached the gateway.
    expect(
      (await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: 101, currency: 'USD', paymentMethod: 'CARD', lines: [line(1)] })).ok,
    ).toBe(true);
    expect((await framesArrived(fx)).map((f) => f.paymentRequest.amount)).toEqual(['1.01']);
  });

  it('the journal keeps the lines: after a restart the payment still has them', async () => {
    fx = await startFixture({ dataDir: (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/basket-journal-`) });
    const lines = [line(1, { quantity: 3, taxRate: 19 }), line(2)];
    const r = await fx.h.core.invoke('startPayment', { terminalId: 'TERM-001', amountMinor: total(lines), currency: 'USD', paymentMethod: 'CARD', lines });
    if (!r.ok) throw new Error(r.error.message);
    await fx.h.waitFor((s) => s.payments.find((p) => p.state === 'approved'));
    const dataDir = fx.h.dataDir;
    await fx.close();
    fx = undefined;
    const again = await createHarness({ settings: {}, dataDir });
    try {
      const replayed = (await again.snapshot()).payments.find((p) => p.transactionId === r.value.transactionId);
      expect(replayed).toMatchObject({ state: 'approved', lines });
      // A reprint after the restart still lists the items.
      const copy = buildPaymentReceipt(again.core.paymentDetails(r.value.transactionId)!, testSettings(), 'copy', true, Date.now());
      expect(renderReceiptText(copy, 48)).toMatch(/^ {2}3 x \$1\.01 +\$3\.03$/m);
    } finally {
      await again.dispose();
    }
  });
});
