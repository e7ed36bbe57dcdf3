import { basketTotalMinor, type BasketLine } from '../../../shared/basket';
import type { CommandRequest } from '../../../shared/ipc';
import { toWireAmount } from '../../../shared/money';
import type { PaymentFrame } from '../../../shared/protocol';
import { toWireProducts } from './wire-products';

/** A basket whose lines do not add up to the amount is refused before anything is journaled or sent (money rule 3). */
export function basketRefusal(req: Pick<CommandRequest<'startPayment'>, 'lines' | 'amountMinor' | 'currency'>): string | undefined {
  if (!req.lines?.length) return undefined;
  const total = basketTotalMinor(req.lines);
  if (total === req.amountMinor) return undefined;
  return `The basket's lines add up to ${toWireAmount(total, req.currency)} but the payment is for ${toWireAmount(req.amountMinor, req.currency)}; nothing was sent.`;
}

/** The payment frame with the basket's `products` (none for an amount-only sale: the frame stays as it was). */
export function withProducts(frame: PaymentFrame, lines: readonly BasketLine[] | undefined): PaymentFrame {
  if (!lines?.length) return frame;
  const currency = frame.paymentRequest.currency;
  const bytesWith = (products: unknown[]) => Buffer.byteLength(JSON.stringify({ ...frame, paymentRequest: { ...frame.paymentRequest, products } }));
  return { ...frame, paymentRequest: { ...frame.paymentRequest, products: toWireProducts(lines, currency, bytesWith) } };
}
