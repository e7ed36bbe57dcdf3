import type { PaymentRequest } from '../shared/protocol';

const WIDTH = 32;

function line(left: string, right = ''): string {
  const space = Math.max(1, WIDTH - left.length - right.length);
  return `${left}${' '.repeat(space)}${right}`;
}

function center(text: string): string {
  const pad = Math.max(0, Math.floor((WIDTH - text.length) / 2));
  return `${' '.repeat(pad)}${text}`;
}

/**
 * A realistic card-slip text, as a processor would put in `receiptData` (§6.4; the real
 * format is opaque, OQ-23). 32 columns, the width of a common 58 mm printer.
 */
export function buildReceipt(input: {
  request: PaymentRequest & { transactionId: string };
  status: 'SUCCESS' | 'FAILED' | 'CANCELLED';
  terminalLabel: string;
  authorizationCode?: string;
  errorMessage?: string;
  at: Date;
}): string {
  const { request } = input;
  const amount = `${request.currency} ${String(request.amount)}`;
  const date = input.at.toISOString().slice(0, 10);
  const time = input.at.toISOString().slice(11, 19);
  const verdict = input.status === 'SUCCESS' ? 'APPROVED' : input.status === 'CANCELLED' ? 'CANCELLED' : 'DECLINED';
  const rows = [
    center('MODULUS SIMULATED MERCHANT'),
    center('123 Demo Street'),
    '-'.repeat(WIDTH),
    line('TERMINAL', input.terminalLabel.slice(0, 20)),
    line('DATE', date),
    line('TIME', `${time} UTC`),
    line('TXN', request.transactionId.slice(-12)),
    line(request.paymentMethod, request.paymentMethod === 'CARD' ? 'VISA ****4242' : ''),
    '-'.repeat(WIDTH),
    line('SALE', amount),
    '-'.repeat(WIDTH),
    center(verdict),
  ];
  if (input.authorizationCode) rows.push(line('AUTH CODE', input.authorizationCode));
  if (input.errorMessage) rows.push(input.errorMessage.slice(0, WIDTH));
  rows.push('', center('SIMULATOR - NO REAL MONEY'), center('THANK YOU'));
  return rows.join('\n');
}
