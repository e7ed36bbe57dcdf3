import { afterEach, describe, expect, it } from 'vitest';
import { payOk, startFixture, type SimFixture } from '../testing/sim-fixture';
import { createReceiptService } from './receipt-service';

/**
 * Money-truth rule 7 (every approved payment has a receipt, even without `receiptData`) and rule 1's
 * demo mark, against the real simulator: the slip is built by the same service every printer,
 * PDF and the browser host's /receipts route use.
 */
let fx: SimFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

function receiptsOf(f: SimFixture) {
  return createReceiptService({ findPayment: (id) => f.h.core.paymentDetails(id), settings: () => f.h.settings.current(), output: {} });
}

/** The receipt as text: the HTML's <pre> lines without tags. */
function textOf(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&mdash;/g, '—');
}

describe('an approval without receiptData still gets a full receipt', () => {
  it('has the store header, amount, method, auth code, time, order, transaction id and says the terminal sent no text', async () => {
    fx = await startFixture({ settings: { storeName: 'Corner Shop' } });
    fx.sim.control.script('TERM-001', { outcome: 'SUCCESS', omitReceiptData: true });
    const id = await payOk(fx.h, 'TERM-001', 'NOTEXT-7', 2450);
    const approved = await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
    expect(approved.hasReceipt).toBe(false);
    expect(fx.h.core.paymentDetails(id)?.response?.receiptData).toBeUndefined();
    const text = textOf(receiptsOf(fx).html(id));
    expect(text).toContain('Corner Shop');
    expect(text).toMatch(/Order\s+NOTEXT-7/);
    expect(text).toMatch(/Date\s+[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}\s[AP]M/);
    expect(text).toMatch(/Method\s+CARD/);
    expect(text).toMatch(/Amount\s+\$24\.50/);
    expect(text).toMatch(new RegExp(`Auth code\\s+${approved.authorizationCode}`));
    expect(text).toContain(id);
    expect(text).toContain('The terminal sent no receipt text.');
    expect(text).not.toContain('DEMO — NOT A REAL PAYMENT');
  });
});

describe('a slip printed in demo mode says it was not a real payment', () => {
  it('receipt and void slip both carry "DEMO — NOT A REAL PAYMENT" at the top', async () => {
    fx = await startFixture({
      sim: { gracePeriodMs: 300 },
      deps: { appInfo: { version: '0', host: 'browser', demo: { enabled: true }, logDir: '', journalDir: '' } },
    });
    const id = await payOk(fx.h, 'TERM-001', 'DEMO-1');
    const paid = await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === id && p.state === 'approved'));
    expect(paid.demo).toBe(true);
    const receipt = textOf(receiptsOf(fx).html(id)).trim().split('\n');
    expect(receipt[0]!.trim()).toBe('DEMO — NOT A REAL PAYMENT');
    fx.sim.control.script('TERM-002', { outcome: 'DROP_MID_PAYMENT', delayMs: 50, reconnectAfterMs: 900, resultAfterReconnect: 'SUCCESS' });
    const voidedId = await payOk(fx.h, 'TERM-002', 'DEMO-2');
    await fx.h.waitFor((s) => s.payments.find((p) => p.transactionId === voidedId && p.state === 'voided'), 10_000);
    const slip = textOf(receiptsOf(fx).html(voidedId)).trim().split('\n');
    expect(slip[0]!.trim()).toBe('DEMO — NOT A REAL PAYMENT');
    expect(slip.join('\n')).toContain('NO MONEY WAS COLLECTED');
  });
});
