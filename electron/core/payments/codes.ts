import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import type { PaymentRecord, VoidAlert } from './types';

/**
 * A payment's detail as a code plus its English (issue 16): the screens say `detailMsg` in the
 * till's language, `detail` stays for logs, older renderers and journals of older versions.
 */
export function detailOf(key: string, values?: MsgValues): Pick<PaymentRecord, 'detail' | 'detailMsg'> {
  return detailFrom(msg(key, values));
}

export function detailFrom(m: Msg): Pick<PaymentRecord, 'detail' | 'detailMsg'> {
  return { detail: english(m), detailMsg: m };
}

/** Back to waiting: nothing to explain any more. */
export const NO_DETAIL: Pick<PaymentRecord, 'detail' | 'detailMsg'> = { detail: undefined, detailMsg: undefined };

export function sameMsg(a: Msg | undefined, b: Msg | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const VOIDED_BY_GATEWAY = msg('core.void.by_gateway');

/** Rule 2's refusals: the contract code, the English for the log and the words as a code. */
export interface LedgerRefusal {
  code: 'terminal_busy' | 'order_has_open_payment';
  message: string;
  msg: Msg;
}

export function ledgerRefusal(code: LedgerRefusal['code'], key: string, values: MsgValues): LedgerRefusal {
  const m = msg(key, values);
  return { code, message: english(m), msg: m };
}

/** A void alert's reason: the gateway's words as they are, or our code (with its English) when it gave none. */
export function alertReason(said: string | Msg): Pick<VoidAlert, 'reason' | 'reasonMsg'> {
  return typeof said === 'string' ? { reason: said } : { reason: english(said), reasonMsg: said };
}
