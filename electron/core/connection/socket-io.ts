import WebSocket from 'ws';
import type { ClientFrame } from '../../../shared/protocol';
import type { Logger } from '../ports';

/** Writes one frame on an open socket; false (logged) when it is not open or the write throws. */
export function writeFrame(ws: WebSocket, frame: ClientFrame, logger: Logger): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  try {
    ws.send(JSON.stringify(frame));
    return true;
  } catch (err) {
    logger.warn('frame.send_failed', { action: frame.action, message: String(err) });
    return false;
  }
}

/** Closes (or, when not open yet, terminates) a socket we are done with, and swallows its late errors. */
export function closeQuietly(ws: WebSocket, code: number, why: string): void {
  try {
    if (ws.readyState === WebSocket.OPEN) ws.close(code, why);
    else ws.terminate();
  } catch {
    // Already closing: nothing to do.
  }
  ws.on('error', () => undefined);
}
