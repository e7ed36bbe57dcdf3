import { msg, type MsgValues } from '../../../shared/i18n/message';
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
export function asRefusal(err: unknown): { code: CommandErrorCode; message: string } | undefined {
  if (!(err instanceof Error) || !('code' in err)) return undefined;
  const code = CommandErrorCode.safeParse((err as { code: unknown }).code);
  return code.success && code.data !== 'internal' ? { code: code.data, message: err.message } : undefined;
}
