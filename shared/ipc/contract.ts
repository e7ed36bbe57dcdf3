import { commands, type CommandName, type CommandRequest, type CommandResponse, type CommandResult } from './commands';
import type { PosEvent } from './events';

/** The one contract between the main process (or the browser host) and the renderer. */
export { CHANNEL_PREFIX, EVENT_CHANNEL, commandChannel } from './channels';

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(commands, value);
}

export type ParsedCommand =
  { ok: true; name: CommandName; request: unknown } | { ok: false; error: { code: 'invalid_request'; message: string }; issues: string[] };

/**
 * The one check of a command request (both bridges and the core's command router call it, so
 * each refusal reads the same): a name in the contract and a request that passes its schema.
 * The message names the command and each bad field, which is what a developer needs and all a
 * cashier could see; the request itself is never echoed (it may hold an order reference).
 */
export function parseCommand(name: unknown, request: unknown): ParsedCommand {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'invalid_request', message: `Unknown command ${String(name).slice(0, 64)}.` }, issues: [] };
  }
  const parsed = commands[name].request.safeParse(request ?? {});
  if (parsed.success) return { ok: true, name, request: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'} ${i.message}`);
  return { ok: false, error: { code: 'invalid_request', message: `The request for ${name} was not valid: ${issues.join('; ')}` }, issues };
}

/** The bridge the renderer talks to: one named function per command, plus `on` for events. */
export type PosBridge = {
  [K in CommandName]: (request: CommandRequest<K>) => Promise<CommandResult<CommandResponse<K>>>;
} & {
  /** Subscribes to main-process events; returns the unsubscribe function. */
  on(listener: (event: PosEvent) => void): () => void;
};

/** What a host needs from the core to serve the contract: one handler per command and an event feed. */
export interface CommandHandler {
  invoke<K extends CommandName>(name: K, request: CommandRequest<K>): Promise<CommandResult<CommandResponse<K>>>;
  subscribe(listener: (event: PosEvent) => void): () => void;
}
