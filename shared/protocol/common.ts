import { z } from 'zod';

/**
 * Building blocks shared by every gateway message.
 * See docs/protocol.md §2, §7.
 */

/** ISO 8601 timestamp as sent by the gateway. Kept as a string; parse with Date.parse where needed. */
export const IsoTimestamp = z.string().min(1).max(64);

/** Amounts travel as strings ("99.99") but the vendor also allows numbers (§7.1, OQ-9). */
export const WireAmount = z.union([z.string().min(1).max(32), z.number().finite()]);

/** Free-form object echoed back by the gateway (§7.1 `metadata`). */
export const Metadata = z.record(z.string(), z.unknown());

export const PaymentMethod = z.enum(['CARD', 'CASH', 'MOBILE', 'OTHER']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** `PaymentResponse.status` (§7.2). PENDING is not final (OQ-24). */
export const PaymentResponseStatus = z.enum(['SUCCESS', 'FAILED', 'PENDING', 'CANCELLED']);
export type PaymentResponseStatus = z.infer<typeof PaymentResponseStatus>;

/** Terminal status in `terminalsResponse` items (§6.1). */
export const TerminalListStatus = z.enum(['online', 'offline', 'reconnecting']);
export type TerminalListStatus = z.infer<typeof TerminalListStatus>;

/** Terminal status in `terminalStatusUpdate` pushes (§6.3). */
export const TerminalPushStatus = z.enum(['connected', 'reconnecting', 'disconnected']);
export type TerminalPushStatus = z.infer<typeof TerminalPushStatus>;

/** Gateway-side transaction status reported by the HTTP lookup (§9.3, §11.2). */
export const GatewayTransactionStatus = z.enum(['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED', 'AWAITING_RECONNECT', 'VOIDED']);
export type GatewayTransactionStatus = z.infer<typeof GatewayTransactionStatus>;

/** Bounded id strings: the gateway's ids are short; anything huge is hostile. */
export const Id = z.string().min(1).max(200);
