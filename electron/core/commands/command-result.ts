import { CommandErrorCode, type CommandResult } from '../../../shared/ipc';

export function fail<T>(code: CommandErrorCode, message: string): CommandResult<T> {
  return { ok: false, error: { code, message } };
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
