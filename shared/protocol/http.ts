import { z } from 'zod';
import { GatewayTransactionStatus, Id, IsoTimestamp } from './common';
import { TerminalListItem } from './frames';
import { PaymentRequest, PaymentResponse } from './payment';

/** §11.2 `GET /v1/transactions/{id}`. The device-id field name is unreadable (OQ), so both spellings are accepted. */
export const TransactionLookupResponse = z.looseObject({
  transactionId: Id,
  status: GatewayTransactionStatus,
  request: PaymentRequest.partial().optional(),
  response: PaymentResponse.partial().optional(),
  terminalDeviceId: Id.optional(),
  deviceId: Id.optional(),
  createdAt: IsoTimestamp.optional(),
  updatedAt: IsoTimestamp.optional(),
  completedAt: IsoTimestamp.optional(),
  voidedAt: IsoTimestamp.optional(),
  voidReason: z.string().max(2000).optional(),
  timestamp: IsoTimestamp.optional(),
});
export type TransactionLookupResponse = z.infer<typeof TransactionLookupResponse>;

/** §11.3 `GET /v1/terminals`. */
export const TerminalsListResponse = z.looseObject({
  terminals: z.array(TerminalListItem),
  count: z.number().int().nonnegative().optional(),
  timestamp: IsoTimestamp.optional(),
});
export type TerminalsListResponse = z.infer<typeof TerminalsListResponse>;

/** §10.3 HTTP error codes. The body shape is undocumented (OQ-31); the simulator sends `{code, message}`. */
export const HttpErrorCode = z.enum([
  'UNAUTHORIZED',
  'INVALID_SIGNATURE',
  'TIMESTAMP_EXPIRED',
  'GROUP_MISMATCH',
  'TERMINAL_NOT_FOUND',
  'TRANSACTION_NOT_FOUND',
  'TERMINAL_OFFLINE',
  'PAYMENT_IN_PROGRESS',
  'TIMEOUT',
  'INTERNAL_ERROR',
]);
export type HttpErrorCode = z.infer<typeof HttpErrorCode>;

export const HttpErrorBody = z.looseObject({
  code: z.string().max(200).optional(),
  message: z.string().max(2000).optional(),
  error: z.string().max(2000).optional(),
});
export type HttpErrorBody = z.infer<typeof HttpErrorBody>;
