import { z } from 'zod';
import { Id, IsoTimestamp, PaymentRequest, PaymentResponse } from '../shared/protocol';

/**
 * The simulator's DEVICE-side protocol (docs/protocol.md §13.3). Our own invention, not
 * vendor behaviour, so these schemas live here and not in shared/. The POS never sees them.
 */

// gateway → terminal
export const TerminalPaymentCommand = z.looseObject({
  action: z.literal('payment'),
  transactionId: Id,
  paymentRequest: PaymentRequest,
  sourceConnectionId: Id.optional(),
  timestamp: IsoTimestamp,
});
export type TerminalPaymentCommand = z.infer<typeof TerminalPaymentCommand>;

export const VoidPaymentCommand = z.looseObject({
  action: z.literal('voidPayment'),
  transactionId: Id,
  reason: z.string().max(2000),
});
export type VoidPaymentCommand = z.infer<typeof VoidPaymentCommand>;

/** [SIM] sent when the gateway gives up on a payment (timeout), so the terminal screen clears. */
export const CancelPaymentCommand = z.looseObject({
  action: z.literal('cancelPayment'),
  transactionId: Id,
  reason: z.string().max(2000),
});
export type CancelPaymentCommand = z.infer<typeof CancelPaymentCommand>;

export const TerminalPong = z.looseObject({ action: z.literal('pong'), timestamp: IsoTimestamp.optional() });

export const GatewayToTerminalFrame = z.discriminatedUnion('action', [
  TerminalPaymentCommand,
  VoidPaymentCommand,
  CancelPaymentCommand,
  TerminalPong,
  z.looseObject({ action: z.literal('forceDisconnect'), reason: z.string().optional() }),
]);
export type GatewayToTerminalFrame = z.infer<typeof GatewayToTerminalFrame>;

// terminal → gateway
export const PaymentResultFrame = z.looseObject({
  action: z.literal('paymentResult'),
  paymentResponse: PaymentResponse,
});
export type PaymentResultFrame = z.infer<typeof PaymentResultFrame>;

export const TerminalPingFrame = z.looseObject({ action: z.literal('ping') });

export const TerminalToGatewayFrame = z.discriminatedUnion('action', [PaymentResultFrame, TerminalPingFrame]);
export type TerminalToGatewayFrame = z.infer<typeof TerminalToGatewayFrame>;
