import { commands, type CommandName, type CommandRequest, type CommandResponse, type CommandResult } from './commands';
import type { PosEvent } from './events';

/** The one contract between the main process (or the browser host) and the renderer. */
export { CHANNEL_PREFIX, EVENT_CHANNEL, commandChannel } from './channels';

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(commands, value);
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
