import { parseCommand, type CommandHandler, type CommandName, type CommandResult } from '../../shared/ipc';
import type { Logger } from '../core/ports';

/**
 * What both bridges do with a message from the page: refuse an unknown command or a request
 * that fails its schema before it reaches the core (shared/ipc `parseCommand`, the one check,
 * also the core's), logging which bridge it came through. Never throws: a handler that throws
 * becomes `internal`, logged without the payload (it may hold an order reference, never a secret).
 */
export async function invokeValidated(handler: CommandHandler, name: unknown, request: unknown, logger: Logger, via: string): Promise<CommandResult<unknown>> {
  const parsed = parseCommand(name, request);
  if (!parsed.ok) {
    if (parsed.issues.length === 0) logger.warn('bridge.unknown_command', { via, name: String(name).slice(0, 64) });
    else logger.warn('bridge.invalid_request', { via, name, issues: parsed.issues });
    return { ok: false, error: parsed.error };
  }
  try {
    return await handler.invoke(parsed.name as CommandName, parsed.request as never);
  } catch (error) {
    logger.error('bridge.handler_threw', { via, name, message: (error as Error).message });
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Checkstand; the details are in the log.' } };
  }
}
