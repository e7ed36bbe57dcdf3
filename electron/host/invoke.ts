import { commands, isCommandName, type CommandHandler, type CommandName, type CommandResult } from '../../shared/ipc';
import type { Logger } from '../core/ports';

/**
 * The check both bridges share: a command name in the contract and a request that passes its
 * schema, or a plain `invalid_request` answer. Never throws: a handler that throws becomes
 * `internal`, logged without the payload (it may hold an order reference, never a secret).
 */
export async function invokeValidated(
  handler: CommandHandler,
  name: unknown,
  request: unknown,
  logger: Logger,
  via: string,
): Promise<CommandResult<unknown>> {
  if (!isCommandName(name)) {
    logger.warn('bridge.unknown_command', { via, name: String(name).slice(0, 64) });
    return { ok: false, error: { code: 'invalid_request', message: 'Unknown command.' } };
  }
  const parsed = commands[name].request.safeParse(request ?? {});
  if (!parsed.success) {
    logger.warn('bridge.invalid_request', { via, name, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    return {
      ok: false,
      error: {
        code: 'invalid_request',
        message: `The request for ${name} was not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'} ${i.message}`).join('; ')}`,
      },
    };
  }
  try {
    return await handler.invoke(name as CommandName, parsed.data as never);
  } catch (error) {
    logger.error('bridge.handler_threw', { via, name, message: (error as Error).message });
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Checkstand; the details are in the log.' } };
  }
}
