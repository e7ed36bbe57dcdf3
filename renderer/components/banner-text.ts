import type { ConnectionView, PaymentsPause } from '../../shared/ipc';
import { joinSentences } from '../format/sentences';
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
  /** Settings store IT provisioned: the cashier cannot fix those in Settings. */
  locked?: readonly string[] | undefined;
}

/** A setting store IT set up cannot be fixed at the till: the cashier calls whoever set it up. */
const CALL_IT = (what: string) => `Call store IT: the ${what} is set up by them.`;

/** The banner's words: can a card be taken right now, and if not, why and what to do. */
export function bannerText({ connection, bridgeLinked, synced, paused, locked }: BannerState, now: number): BannerText {
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
  return linkText(connection, now, locked ?? []);
}

function linkText(connection: ConnectionView, now: number, locked: readonly string[]): BannerText {
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
        detail:
          'Only one register can be connected with a key. Payments are blocked here. Press "Reconnect here" to take over (the other register will be disconnected).',
        action: 'reconnectHere',
      };
    case 'auth_failed': {
      const byIt = locked.includes('apiKey');
      return {
        tone: 'bad',
        title: 'Authentication failed — the gateway refused this register',
        detail: joinSentences(connection.reason, byIt ? CALL_IT('API key') : 'Check the API key in Settings.', 'Payments are blocked.'),
        ...(byIt ? {} : { action: 'settings' as const }),
      };
    }
    case 'idle':
    case 'stopped':
    default: {
      const byIt = locked.includes('endpoint');
      const fix = byIt ? CALL_IT('gateway address') : connection.endpoint ? undefined : 'Open Settings.';
      return {
        tone: 'bad',
        title: 'Offline — payments are blocked',
        detail: joinSentences(connection.reason || (connection.endpoint ? 'Not connected to the payment gateway.' : 'No payment gateway is set up.'), fix),
        ...(connection.endpoint ? { action: 'reconnect' as const } : byIt ? {} : { action: 'settings' as const }),
      };
    }
  }
}
