import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import type { CommandErrorCode } from '../../../shared/ipc';
import { english } from '../i18n/english';

/**
 * A printing failure worded for the cashier ("what happened, what to do"). `retryable` tells the
 * print queue whether another attempt can help (a printer that is switched off may come back; a
 * printer name that does not exist will not).
 */
export class PrintError extends Error {
  override readonly name = 'PrintError';
  constructor(
    message: string,
    readonly retryable: boolean,
    override readonly cause?: unknown,
    /** The same as a code (issue 16): the Printing screen says it in the till's language (`PrintJobView.errorMsg`). */
    readonly msg?: Msg,
  ) {
    super(message);
  }
}

/** A PrintError from a `receipts.error.…` code; its English text goes to the log and older screens. */
export function printError(key: string, values: MsgValues | undefined, retryable: boolean, cause?: unknown): PrintError {
  const m = msg(key, values);
  return new PrintError(english(m), retryable, cause, m);
}

/** A receipt in Japanese or Arabic sent to a Latin-only ESC/POS printer: not retryable, nothing printed. */
export function scriptNotPrintable(): PrintError {
  return printError('receipts.error.script_not_printable', undefined, false);
}

/**
 * Refusal of a receipt request before anything is queued (unknown payment, nothing to print,
 * no printer configured). `code` is a command error code, so a host can answer the renderer
 * with `{ ok: false, error: { code, message } }` unchanged.
 */
export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
  constructor(
    readonly code: Extract<CommandErrorCode, 'not_found' | 'not_allowed' | 'printer_error'>,
    message: string,
    /** The same as a code (issue 16), for `CommandError.msg`. */
    readonly msg?: Msg,
  ) {
    super(message);
  }
}

/** A ReceiptError from a `receipts.error.…` code; its English is the message. */
export function receiptError(code: ReceiptError['code'], key: string, values?: MsgValues): ReceiptError {
  const m = msg(key, values);
  return new ReceiptError(code, english(m), m);
}

/** Any thrown value as a PrintError; unknown failures are assumed transient. */
export function asPrintError(err: unknown): PrintError {
  if (err instanceof PrintError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return printError('receipts.error.print_failed', { detail }, true, err);
}
