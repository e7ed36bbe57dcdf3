import { describe, expect, it } from 'vitest';
import { cleanReceiptData, RECEIPT_DATA_MAX_LINES } from './receipt-data';
import { renderReceiptHtml } from './receipt-html';
import { buildTestPage } from './receipt-test-page';
import { buildPaymentReceipt, slipKindFor } from './receipt-model';
import { renderReceiptLines, renderReceiptText } from './receipt-text';
import { textWidth } from './text-width';
import { approvedPayment, PROCESSOR_TEXT, testSettings } from '../testing/receipt-fixtures';

const NOW = new Date(2024, 0, 15, 11, 0, 0).getTime();

function render(receiptData: string | undefined, columns = 48, overrides: Parameters<typeof approvedPayment>[0] = {}) {
  const details = approvedPayment({ ...overrides, response: { ...overrides.response, receiptData } });
  const receipt = buildPaymentReceipt(details, testSettings(), 'receipt', false, NOW);
  return { receipt, lines: renderReceiptLines(receipt, columns), text: renderReceiptText(receipt, columns) };
}

function expectFitsPaper(lines: { text: string }[], columns: number) {
  for (const l of lines) expect(textWidth(l.text), JSON.stringify(l.text)).toBeLessThanOrEqual(columns);
}

describe('receipt layout (ordinary receiptData)', () => {
  it('frames the processor text verbatim with our header and footer', () => {
    const { text } = render(PROCESSOR_TEXT);
    const lines = text.split('\n');
    expect(lines.some((l) => l.includes('Corner Grocer'))).toBe(true);
    expect(lines.some((l) => l.includes('12 Market Street'))).toBe(true);
    expect(text).toMatch(/Order\s+ORD-12345/);
    expect(text).toMatch(/Date\s+Jan 15, 2024, 10:37:30\sAM/);
    expect(text).toMatch(/Terminal\s+TERM-001/);
    expect(text).toMatch(/Method\s+CARD/);
    expect(text).toMatch(/Amount\s+\$99\.99/);
    expect(text).toMatch(/Status\s+APPROVED/);
    expect(text).toMatch(/Auth code\s+AUTH123456/);
    expect(text).toContain('0190f3c2-7a1b-7c3d-8e4f-123456789abc');
    // Every processor line is there, spacing included, in order, with CRLF turned into lines.
    const start = lines.indexOf('      MODULUS DEMO ACQUIRER');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + 8)).toEqual(PROCESSOR_TEXT.split('\r\n'));
    expect(lines.at(-1)).toContain('Please keep this receipt.');
    expect(text).not.toContain('COPY ***');
  });

  it('fits 32 columns on 58 mm and 48 on 80 mm', () => {
    for (const columns of [32, 48]) expectFitsPaper(render(PROCESSOR_TEXT, columns).lines, columns);
    const narrow = render(PROCESSOR_TEXT, 32).text;
    // The 38-character card line is wrapped, not cut: nothing of it is lost.
    expect(narrow.replace(/\n/g, '')).toContain('CARD               **** **** **** 4242');
  });

  it('marks a reprint as a COPY at top and bottom', () => {
    const receipt = buildPaymentReceipt(approvedPayment(), testSettings(), 'copy', true, NOW);
    const lines = renderReceiptLines(receipt, 48);
    expect(lines[0]).toEqual({ text: expect.stringContaining('*** COPY ***'), style: 'mark' });
    expect(lines.at(-1)!.text).toContain('*** COPY ***');
    expect(renderReceiptText(receipt, 48)).toMatch(/Reprinted Jan 15, 2024, 11:00:00\sAM/);
  });

  it("formats amounts in the till's locale with the currency's own decimals", () => {
    expect(render(undefined, 48, { view: { amountMinor: 500, currency: 'JPY' } }).text).toMatch(/Amount\s+¥500/);
    expect(render(undefined, 48, { view: { amountMinor: 1234, currency: 'KWD' } }).text).toMatch(/Amount\s+KWD\s1\.234/);
  });
});

describe('receipt layout (hostile receiptData)', () => {
  it('prints our own receipt when receiptData is missing or blank', () => {
    for (const data of [undefined, '', '   \r\n\t  ']) {
      const { receipt, text } = render(data);
      expect(receipt.body).toBeUndefined();
      expect(text).toMatch(/Auth code\s+AUTH123456/);
    }
  });

  it('caps a huge receiptData and says it was shortened', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `LINE ${i} ${'x'.repeat(30)}`).join('\n');
    const { receipt, text, lines } = render(huge);
    expect(receipt.body?.lines.length).toBe(RECEIPT_DATA_MAX_LINES);
    expect(text).toContain('[receipt text shortened]');
    expect(text).not.toContain('LINE 4999');
    expect(lines.length).toBeLessThan(RECEIPT_DATA_MAX_LINES + 60);
  });

  it('wraps a single enormous line instead of running off the paper', () => {
    const { lines } = render('A'.repeat(1000) + ' END');
    expectFitsPaper(lines, 48);
    expect(lines.map((l) => l.text).join('')).toContain('A'.repeat(1000) + ' END');
  });

  it('keeps unicode (accents, CJK, emoji) and counts wide characters as two columns', () => {
    const data = 'Café Ünïcödé ÅÄÖ\n領収書 お買い上げありがとうございます ありがとうございました\nThanks 🙂';
    const { text, lines } = render(data, 32);
    expect(text).toContain('Café Ünïcödé ÅÄÖ');
    expect(text).toContain('Thanks 🙂');
    expect(text.replace(/\n/g, '')).toContain('領収書 お買い上げありがとうございます ありがとうございました');
    expectFitsPaper(lines, 32);
  });

  it('strips control characters, printer escape sequences and bidi overrides but keeps the words', () => {
    const data = 'TOTAL\x00 USD\x07 99.99\x1b@\x1bE\x01 PAID\x1b[1m!\x1b[0m\r\nRIGHT\u202eTFEL\u200b\x7f\x9b end\fNEXT PAGE';
    const { receipt, text } = render(data);
    expect(receipt.body?.lines).toEqual(['TOTAL USD 99.99 PAID!', 'RIGHTTFEL end', 'NEXT PAGE']);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e\u200b]/);
  });

  it('expands tabs so columns stay aligned', () => {
    expect(render('A\tB\nAB\tC').receipt.body?.lines).toEqual(['A       B', 'AB      C']);
  });

  it('prints a fallback built from the PaymentResponse when receiptData is JSON', () => {
    const { receipt, text } = render('{"emv":{"aid":"A0000000031010"},"pan":"****4242"}');
    expect(receipt.unprintable).toMatchObject({ reason: 'json' });
    expect(receipt.body?.source).toBe('fallback');
    expect(text).not.toContain('A0000000031010');
    expect(text).toContain('Card receipt text unavailable.');
    expect(text).toContain('Status: SUCCESS');
    expect(text).toContain('Amount: USD 99.99');
    expect(text).toContain('Auth code: AUTH123456');
  });

  it('prints the fallback when receiptData is base64, even wrapped MIME-style', () => {
    const b64 = Buffer.from('%PDF-1.7 binary receipt image '.repeat(20)).toString('base64');
    const wrapped = b64.match(/.{1,76}/g)!.join('\r\n');
    for (const data of [b64, wrapped]) {
      const { receipt, text } = render(data);
      expect(receipt.unprintable).toMatchObject({ reason: 'base64' });
      expect(text).toContain('Card receipt text unavailable.');
      expect(text).not.toContain(b64.slice(0, 20));
    }
  });

  it('treats a binary blob as unprintable rather than printing garbage', () => {
    const blob = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => i % 32));
    expect(cleanReceiptData(blob)).toMatchObject({ kind: 'unprintable', reason: 'binary' });
  });

  it('does not mistake ordinary receipt text for JSON or base64', () => {
    expect(cleanReceiptData('APPROVED')).toMatchObject({ kind: 'text' });
    expect(cleanReceiptData('{ THANK YOU }')).toMatchObject({ kind: 'text' });
    expect(cleanReceiptData('AUTHCODE123456789012345678 APPROVED')).toMatchObject({ kind: 'text' });
    expect(cleanReceiptData('THANKYOU\nVISA4242\nAPPROVED')).toMatchObject({ kind: 'text' });
    expect(cleanReceiptData('--------------------------------\n================================')).toMatchObject({ kind: 'text' });
  });
});

describe('slips', () => {
  it('prints a void slip that says no money was collected, without the processor text', () => {
    const details = approvedPayment({ view: { state: 'voided', voidReason: 'Terminal reconnected after grace period expired' } });
    details.voidAlert = {
      id: 'a1',
      transactionId: details.view.transactionId,
      terminalId: 'TERM-001',
      orderRef: 'ORD-12345',
      amountMinor: 9999,
      currency: 'USD',
      reason: 'Terminal reconnected after grace period expired',
      at: new Date(2024, 0, 15, 10, 38, 30).getTime(),
    };
    expect(slipKindFor(details, false)).toEqual({ kind: 'void_slip' });
    const text = renderReceiptText(buildPaymentReceipt(details, testSettings(), 'void_slip', false, NOW), 32);
    expect(text).toContain('PAYMENT VOIDED');
    expect(text).toContain('NO MONEY WAS COLLECTED.');
    expect(text).toMatch(/Voided at\s+Jan 15, 2024, 10:38:30\sAM/);
    expect(text.replace(/\n/g, ' ')).toContain('Terminal reconnected after grace period expired');
    expect(text).not.toContain('MODULUS DEMO ACQUIRER');
  });

  it('a void slip for an order another payment already paid says so, not "take the payment again" (money-truth rule 3)', () => {
    const details = approvedPayment({ view: { state: 'voided', voidReason: 'Late approval' } });
    const slip = () => renderReceiptText(buildPaymentReceipt(details, testSettings(), 'void_slip', false, NOW), 48).replace(/\s+/g, ' ');
    expect(slip()).toContain('Take the payment again.');
    details.order = {
      orderRef: 'ORD-12345',
      status: 'paid',
      approvals: [{ transactionId: 'other-attempt', terminalId: 'TERM-002', amountMinor: 9999, currency: 'USD', at: NOW }],
    };
    expect(slip()).toContain('This order is already paid by another payment. Do not take it again.');
    expect(slip()).not.toContain('Take the payment again.');
  });

  it('prints a decline slip with the reason', () => {
    const details = approvedPayment({
      view: { state: 'declined', authorizationCode: undefined, errorCode: 'INSUFFICIENT_FUNDS', errorMessage: 'Card declined due to insufficient funds' },
      response: { status: 'FAILED', authorizationCode: undefined, receiptData: 'DECLINED 51' },
    });
    expect(slipKindFor(details, false)).toEqual({ kind: 'decline_slip' });
    const text = renderReceiptText(buildPaymentReceipt(details, testSettings(), 'decline_slip', false, NOW), 48);
    expect(text).toContain('PAYMENT DECLINED');
    expect(text).toContain('Card declined due to insufficient funds');
    expect(text).toContain('INSUFFICIENT_FUNDS');
    expect(text).toContain('DECLINED 51');
    expect(text).not.toContain('Auth code');
  });

  it('refuses a receipt for a payment without a result', () => {
    for (const state of ['sent', 'awaiting_result', 'unknown', 'needs_review', 'rejected'] as const) {
      expect(slipKindFor(approvedPayment({ view: { state } }), false)).toHaveProperty('refused');
    }
  });

  it('test page has a ruler exactly as wide as the paper', () => {
    for (const [paper, columns] of [
      [58, 32],
      [80, 48],
    ] as const) {
      const lines = renderReceiptLines(buildTestPage(testSettings({ paperWidthMm: paper }), NOW), columns).map((l) => l.text);
      expect(lines).toContain('1234567890'.repeat(5).slice(0, columns));
      expect(lines.join('\n')).toContain(`${paper} mm`);
    }
  });
});

describe('receipt HTML', () => {
  it('is self-contained, escapes the processor text and sizes the page to the paper', () => {
    const { lines } = render('<script>alert(1)</script>\n& <img src=x.png>');
    const html = renderReceiptHtml(lines, { paperWidthMm: 58, title: 'Receipt' });
    expect(html).not.toMatch(/<script|<img|<link|url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\n&amp; &lt;img src=x.png&gt;');
    expect(html).toMatch(/@page \{ size: 58mm \d+mm; margin: 0; \}/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('$99.99');
  });
});
