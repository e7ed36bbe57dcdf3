import type { ConnectionView } from '../../../shared/ipc';
import type { ClientFrame, ErrorFrame, ServerActionFrame } from '../../../shared/protocol';
import type { BackoffOptions } from './backoff';

/** What the core tells the connection to connect to. */
export interface ConnectionConfig {
  endpoint: string;
  apiKey: string;
  groupId?: string;
}

export interface ConnectionTuning {
  pingIntervalMs: number;
  pongTimeoutMs: number;
  /** Deadline of the immediate ping of `checkNow()`. */
  checkNowTimeoutMs: number;
  handshakeTimeoutMs: number;
  maxPayload: number;
  backoff: BackoffOptions;
  /** Backoff attempt counter resets after this long open. */
  healthyResetMs: number;
  /** After an auth refusal: retry this slowly (never a tight loop, OQ-1). */
  authRetryMs: number;
  /** A close with 1008/4001/4003 this soon after open also counts as an auth refusal (OQ-1). */
  authCloseWindowMs: number;
}

export type ConnectionEvent =
  | { type: 'state'; view: ConnectionView }
  /** The socket is open; `getTerminals` has been sent. */
  | { type: 'open' }
  /** A socket that had been open is gone (any reason). */
  | { type: 'down'; reason: string }
  | { type: 'frame'; frame: ServerActionFrame }
  | { type: 'errorFrame'; frame: ErrorFrame }
  | { type: 'sent'; frame: ClientFrame };
