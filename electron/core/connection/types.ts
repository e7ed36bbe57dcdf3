import type { ConnectionView } from '../../../shared/ipc';
import type { ClientFrame, ErrorFrame, ServerActionFrame } from '../../../shared/protocol';
import type { CoreTuning } from '../core-tuning';
import type { BackoffOptions } from './backoff';

/** What the core tells the connection to connect to. */
export interface ConnectionConfig {
  endpoint: string;
  apiKey: string;
  groupId?: string;
}

/** The connection's timings: fields documented once, in CoreTuning (core-tuning.ts). */
export type ConnectionTuning = Pick<
  CoreTuning,
  'pingIntervalMs' | 'pongTimeoutMs' | 'checkNowTimeoutMs' | 'handshakeTimeoutMs' | 'maxPayload' | 'healthyResetMs' | 'authRetryMs' | 'authCloseWindowMs'
> & {
  /** backoffBaseMs, backoffCapMs and random of CoreTuning. */
  backoff: BackoffOptions;
};

export type ConnectionEvent =
  | { type: 'state'; view: ConnectionView }
  /** The socket is open; `getTerminals` has been sent. */
  | { type: 'open' }
  /** A socket that had been open is gone (any reason). */
  | { type: 'down'; reason: string }
  | { type: 'frame'; frame: ServerActionFrame }
  | { type: 'errorFrame'; frame: ErrorFrame }
  | { type: 'sent'; frame: ClientFrame };
