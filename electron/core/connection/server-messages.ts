import type WebSocket from 'ws';
import { parseServerFrame, type ErrorFrame, type ServerActionFrame } from '../../../shared/protocol';
import { logInbound } from '../inbound/log-frame';
import type { Logger } from '../ports';

export interface ServerMessageSink {
  errorFrame(frame: ErrorFrame): void;
  pong(): void;
  /** forceDisconnect: another register took over this API key. */
  displaced(reason: string): void;
  frame(frame: ServerActionFrame): void;
}

/** One WebSocket message from the gateway: parsed, logged (redacted), handed to its receiver. */
export function readServerMessage(data: WebSocket.RawData, isBinary: boolean, logger: Logger, sink: ServerMessageSink): void {
  if (isBinary) {
    logger.warn('frame.invalid', { reason: 'binary frame' });
    return;
  }
  const text = data.toString();
  const parsed = parseServerFrame(text);
  logInbound(logger, parsed, text);
  if (parsed.kind === 'invalid') return;
  if (parsed.kind === 'error') return sink.errorFrame(parsed.frame);
  const frame = parsed.frame;
  if (frame.action === 'pong') return sink.pong();
  if (frame.action === 'forceDisconnect') return sink.displaced(frame.reason ?? 'Another register connected with this API key');
  sink.frame(frame);
}
