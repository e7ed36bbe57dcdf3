import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_PREFIX, COMMAND_NAMES, EVENT_CHANNEL, commandChannel, type CommandHandler, type CommandResult } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { invokeValidated } from '../invoke';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * The validated IPC wrapper: every invoke must come on a contract channel, from our own page
 * (app://checkstand) in the main frame (not an iframe), with a payload that passes its schema.
 * Anything else is refused with a CommandResult and logged; the core never sees it.
 */
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: Pick<WebContents, 'mainFrame'> };

const CHANNEL_TO_COMMAND = new Map(COMMAND_NAMES.map((name) => [commandChannel(name), name]));

export function senderProblem(event: SenderEvent): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'no_frame';
  if (frame !== event.sender.mainFrame || frame.parent !== null) return 'subframe';
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return 'bad_origin';
  }
  // URL.origin is "null" for custom schemes, so compare scheme and host themselves.
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return 'foreign_origin';
  return undefined;
}

export async function guardedInvoke(
  handler: CommandHandler,
  logger: Logger,
  channel: string,
  event: SenderEvent,
  payload: unknown,
): Promise<CommandResult<unknown>> {
  const name = CHANNEL_TO_COMMAND.get(channel);
  if (!name) {
    logger.warn('ipc.refused', { reason: 'unknown_channel', channel: channel.slice(0, 80) });
    return { ok: false, error: { code: 'not_allowed', message: 'Unknown channel.' } };
  }
  const problem = senderProblem(event);
  if (problem) {
    logger.warn('ipc.refused', { reason: problem, channel, url: event.senderFrame?.url?.slice(0, 200) ?? '' });
    return { ok: false, error: { code: 'not_allowed', message: 'This page may not use Checkstand commands.' } };
  }
  return invokeValidated(handler, name, payload, logger, 'ipc');
}

/** Registers one handler per contract command; returns the function that removes them. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: CommandHandler, logger: Logger): () => void {
  const channels = COMMAND_NAMES.map(commandChannel);
  for (const channel of channels) {
    if (!channel.startsWith(CHANNEL_PREFIX)) throw new Error(`Channel ${channel} is outside the contract prefix.`);
    ipcMain.handle(channel, (event, payload: unknown) => guardedInvoke(handler, logger, channel, event, payload));
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Core events to the window, on the one event channel. */
export function forwardEvents(handler: CommandHandler, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return handler.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
