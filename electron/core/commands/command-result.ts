import { msg, type Msg, type MsgValues } from '../../../shared/i18n/message';
import { english } from '../i18n/english';
import { CommandErrorCode, type CommandResult } from '../../../shared/ipc';

export function fail<T>(code: CommandErrorCode, message: string): CommandResult<T> {
  return { ok: false, error: { code, message } };
}

/**
 * A refusal as a code (issue 16): the screens say `key` in the till's language; `message` is its
 * English, for the log. Prefer this to `fail` for anything a cashier reads.
 */
export function refuse<T>(code: CommandErrorCode, key: string, values?: MsgValues): CommandResult<T> {
  const m = msg(key, values);
  return { ok: false, error: { code, message: english(m), msg: m } };
}

export function ok<T>(value: T): CommandResult<T> {
  return { ok: true, value };
}

/** A service may refuse by throwing an Error with a contract code (e.g. ReceiptError): pass it through. */
export function asRefusal(err: unknown): { code: CommandErrorCode; message: string; msg?: Msg } | undefined {
  if (!(err instanceof Error) || !('code' in err)) return undefined;
  const code = CommandErrorCode.safeParse((err as { code: unknown }).code);
  if (!code.success || code.data === 'internal') return undefined;
  // The refusal as a code too (ReceiptError.msg), so the screen says it in the till's language.
  const said = (err as { msg?: Msg }).msg;
  return { code: code.data, message: err.message, ...(said ? { msg: said } : {}) };
}
