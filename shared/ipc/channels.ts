import type { CommandName } from './commands';

/**
 * IPC channel names, kept free of zod (type-only imports) so the preload bundle stays small.
 * Every channel shares one prefix so the IPC wrapper can refuse anything else.
 */
export const CHANNEL_PREFIX = 'checkstand:';
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;

export function commandChannel(name: CommandName): string {
  return `${CHANNEL_PREFIX}cmd:${name}`;
}
