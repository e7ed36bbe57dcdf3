import { z } from 'zod';
import { Id, IsoTimestamp, Metadata, PaymentMethod, PaymentResponseStatus, WireAmount } from './common';

/** §7.3 — id, name, price, quantity as in the vendor's example; sku, category, brand, tax, discount as its descriptions name them [I]. */
export const Product = z.looseObject({
  id: z.string().max(200),
  name: z.string().max(500),
  price: WireAmount,
  quantity: z.number().finite(),
  sku: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  brand: z.string().max(200).optional(),
  tax: z.number().finite().optional(),
  discount: z.number().finite().optional(),
});
export type Product = z.infer<typeof Product>;

/** §7.4 — partially documented, so unknown fields pass through. */
export const CustomerInfo = z.looseObject({
  customerId: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
});

/** §7.1 PaymentRequest. `transactionId` is optional on the wire; Checkstand always sends one. */
export const PaymentRequest = z.looseObject({
  transactionId: Id.optional(),
  amount: WireAmount,
  currency: z.string().min(3).max(3),
  paymentMethod: PaymentMethod,
  products: z.array(Product).max(100).optional(),
  customerInfo: CustomerInfo.optional(),
  metadata: Metadata.optional(),
});
export type PaymentRequest = z.infer<typeof PaymentRequest>;

/**
 * §7.2 PaymentResponse. Tolerant: the method may be a value we do not know yet, and
 * `amount` may be a string or a number (OQ-9).
 */
export const PaymentResponse = z.looseObject({
  transactionId: Id,
  status: PaymentResponseStatus,
  amount: WireAmount.optional(),
  currency: z.string().max(8).optional(),
  paymentMethod: z.string().max(32).optional(),
  authorizationCode: z.string().max(200).optional(),
  errorCode: z.string().max(200).optional(),
  errorMessage: z.string().max(2000).optional(),
  receiptData: z.string().max(1_000_000).optional(),
  timestamp: IsoTimestamp.optional(),
  metadata: Metadata.optional(),
});
export type PaymentResponse = z.infer<typeof PaymentResponse>;
