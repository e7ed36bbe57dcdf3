import type { PaymentResponse } from '../shared/protocol';
import type { PaymentScript } from './api';
import type { TerminalPaymentCommand } from './device-frames';
import { buildReceipt } from './receipt';
import { randomId } from './util';

export type FinalStatus = 'SUCCESS' | 'FAILED' | 'CANCELLED';

export type ResultDetails = Pick<PaymentScript, 'errorCode' | 'errorMessage' | 'receiptData' | 'omitReceiptData'>;

/** The PaymentResponse a terminal reports for a command: the vendor's fields, a receipt unless told to omit it. */
export function terminalResponse(
  command: TerminalPaymentCommand,
  status: FinalStatus | 'PENDING',
  terminalLabel: string,
  details?: ResultDetails,
): PaymentResponse {
  const req = { ...command.paymentRequest, transactionId: command.transactionId };
  const at = new Date();
  const base: PaymentResponse = {
    transactionId: command.transactionId,
    status,
    amount: req.amount,
    currency: req.currency,
    paymentMethod: req.paymentMethod,
    timestamp: at.toISOString(),
    ...(req.metadata ? { metadata: req.metadata } : {}),
  };
  if (status === 'PENDING') return base;
  const authorizationCode = status === 'SUCCESS' ? `AUTH${randomId(6).toUpperCase()}` : undefined;
  const errorCode = status === 'FAILED' ? (details?.errorCode ?? 'INSUFFICIENT_FUNDS') : undefined;
  const errorMessage =
    status === 'FAILED'
      ? (details?.errorMessage ?? 'Card declined due to insufficient funds')
      : status === 'CANCELLED'
        ? (details?.errorMessage ?? 'Cancelled on the terminal')
        : undefined;
  // `receiptData` is optional in the vendor's table: a processor may send none (money-truth rule 7).
  const receiptData = details?.omitReceiptData
    ? undefined
    : (details?.receiptData ??
      buildReceipt({
        request: req,
        status,
        terminalLabel,
        ...(authorizationCode ? { authorizationCode } : {}),
        ...(status === 'FAILED' && errorMessage ? { errorMessage } : {}),
        at,
      }));
  return {
    ...base,
    ...(authorizationCode ? { authorizationCode } : {}),
    ...(errorCode ? { errorCode } : {}),
    ...(errorMessage ? { errorMessage } : {}),
    ...(receiptData !== undefined ? { receiptData } : {}),
  };
}
