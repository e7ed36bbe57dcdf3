import type { WebSocket } from 'ws';
import { BridgeRequest, type BridgeMessage, type CommandHandler } from '../../../shared/ipc';
import type { Logger } from '../../core/ports';
import { invokeValidated } from '../invoke';

export function sendMessage(ws: WebSocket, message: BridgeMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** One message from the page: a command answered with its result, anything else refused (never a throw). */
export async function answerBridgeMessage(ws: WebSocket, text: string | undefined, handler: CommandHandler, logger: Logger): Promise<void> {
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = BridgeRequest.safeParse(json);
  if (!parsed.success) {
    // Without a usable id there is nobody to answer; log and carry on (rule 4: never throw).
    const id = (json as { id?: unknown } | undefined)?.id;
    logger.warn('browser_host.bad_message', { issues: parsed.error.issues.length });
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
      sendMessage(ws, {
        type: 'result',
        id,
        result: { ok: false, error: { code: 'invalid_request', message: 'The message was not a valid bridge request.' } },
      });
    }
    return;
  }
  const { id, name, request } = parsed.data;
  const result = await invokeValidated(handler, name, request, logger, 'browser');
  sendMessage(ws, { type: 'result', id, result });
}
