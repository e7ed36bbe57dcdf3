import type { ConnectionView, PaymentsPause } from '../../shared/ipc';
import { secondsUntil } from '../format/time';
import type { Tone } from './StatusIcon';

export interface BannerText {
  tone: Tone;
  title: string;
  detail?: string;
  action?: 'reconnect' | 'reconnectHere' | 'settings';
}

export interface BannerState {
  connection: ConnectionView | null;
  bridgeLinked: boolean;
  synced: boolean;
  paused: PaymentsPause[];
}

/** The banner's words: can a card be taken right now, and if not, why and what to do. */
export function bannerText({ connection, bridgeLinked, synced, paused }: BannerState, now: number): BannerText {
  if (!bridgeLinked) {
    return {
      tone: 'bad',
      title: 'Offline — lost contact with the Checkstand app',
      detail: 'Payments are blocked. Reconnecting by itself; if this stays, restart Checkstand.',
    };
  }
  if (synced && paused.length > 0) {
    // Rules 1 and 8 outrank the link: a bad setting or an unwritable journal blocks every payment.
    const settings = paused.find((p) => p.kind === 'settings');
    return settings
      ? { tone: 'bad', title: 'Payments blocked — a gateway setting is not valid', detail: paused.map((p) => p.message).join(' '), action: 'settings' }
      : { tone: 'bad', title: 'Payments paused — the journal cannot be written', detail: paused.map((p) => p.message).join(' ') };
  }
  if (!connection || !synced) return { tone: 'busy', title: 'Starting…', detail: 'Loading terminals and payments.' };
  return linkText(connection, now);
}

function linkText(connection: ConnectionView, now: number): BannerText {
  switch (connection.state) {
    case 'open':
      return {
        tone: 'ok',
        title: 'Online — connected to the payment gateway',
        detail: connection.lastPongRttMs !== undefined ? `Response time ${Math.round(connection.lastPongRttMs)} ms` : undefined,
      };
    case 'connecting':
    case 'backoff': {
      const wait = connection.nextRetryAt !== undefined ? secondsUntil(connection.nextRetryAt, now) : undefined;
      const attempt = connection.attempt > 0 ? ` (attempt ${connection.attempt})` : '';
      return {
        tone: 'warn',
        // Attempt 0 is the first connection of this run, not a reconnection.
        title: connection.attempt > 0 ? `Reconnecting to the payment gateway${attempt}` : 'Connecting to the payment gateway…',
        detail:
          connection.state === 'connecting' || wait === undefined || wait === 0
            ? 'Trying now… Payments are blocked until the connection is back.'
            : `Next try in ${wait} s. Payments are blocked until the connection is back.`,
        action: 'reconnect',
      };
    }
    case 'displaced':
      return {
        tone: 'bad',
        title: 'Disconnected — another register is using this API key',
        detail: 'Only one register can be connected with a key. Payments are blocked here. Press "Reconnect here" to take over (the other register will be disconnected).',
        action: 'reconnectHere',
      };
    case 'auth_failed':
      return {
        tone: 'bad',
        title: 'Authentication failed — the gateway refused this register',
        detail: `${connection.reason ? `${connection.reason}. ` : ''}Check the API key in Settings. Payments are blocked.`,
        action: 'settings',
      };
    case 'idle':
    case 'stopped':
    default:
      return {
        tone: 'bad',
        title: 'Offline — payments are blocked',
        detail: connection.reason || (connection.endpoint ? 'Not connected to the payment gateway.' : 'No payment gateway is set up. Open Settings.'),
        action: connection.endpoint ? 'reconnect' : 'settings',
      };
  }
}
