import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../hooks/useNow';
import { useCommand } from '../hooks/useCommand';
import { useBridge, usePos } from '../store/context';
import { joinSentences } from '../format/sentences';
import { secondsUntil } from '../format/time';
import { StatusIcon, type Tone } from './StatusIcon';

interface BannerText {
  tone: Tone;
  title: string;
  detail?: string;
  action?: 'reconnect' | 'reconnectHere' | 'settings';
}

const CALL_IT = (what: string) => `Call store IT: the ${what} is set up by them.`;

/**
 * The gateway link at a glance, worded for the cashier: can a card be taken right now, and if
 * not, why and what to do.
 */
export function ConnectionBanner() {
  const { connection, bridgeLinked, synced, paused } = usePos(
    useShallow((s) => ({ connection: s.connection, bridgeLinked: s.bridgeLinked, synced: s.synced, paused: s.paused })),
  );
  const setScreen = usePos((s) => s.setScreen);
  const locked = usePos((s) => s.settings?.lockedFields);
  const bridge = useBridge();
  const reconnect = useCommand<{ done: true }>();
  const now = useNow(1000);

  let text: BannerText;
  if (!bridgeLinked) {
    text = {
      tone: 'bad',
      title: 'Offline — lost contact with the Checkstand app',
      detail: 'Payments are blocked. Reconnecting by itself; if this stays, restart Checkstand.',
    };
  } else if (synced && paused.length > 0) {
    // Rules 1 and 8 outrank the link: a bad setting or an unwritable journal blocks every payment.
    const settings = paused.find((p) => p.kind === 'settings');
    text = settings
      ? { tone: 'bad', title: 'Payments blocked — a gateway setting is not valid', detail: paused.map((p) => p.message).join(' '), action: 'settings' }
      : { tone: 'bad', title: 'Payments paused — the journal cannot be written', detail: paused.map((p) => p.message).join(' ') };
  } else if (!connection || !synced) {
    text = { tone: 'busy', title: 'Starting…', detail: 'Loading terminals and payments.' };
  } else {
    switch (connection.state) {
      case 'open':
        text = {
          tone: 'ok',
          title: 'Online — connected to the payment gateway',
          detail: connection.lastPongRttMs !== undefined ? `Response time ${Math.round(connection.lastPongRttMs)} ms` : undefined,
        };
        break;
      case 'connecting':
      case 'backoff': {
        const wait = connection.nextRetryAt !== undefined ? secondsUntil(connection.nextRetryAt, now) : undefined;
        const attempt = connection.attempt > 0 ? ` (attempt ${connection.attempt})` : '';
        text = {
          tone: 'warn',
          // Attempt 0 is the first connection of this run, not a reconnection.
          title: connection.attempt > 0 ? `Reconnecting to the payment gateway${attempt}` : 'Connecting to the payment gateway…',
          detail:
            connection.state === 'connecting' || wait === undefined || wait === 0
              ? 'Trying now… Payments are blocked until the connection is back.'
              : `Next try in ${wait} s. Payments are blocked until the connection is back.`,
          action: 'reconnect',
        };
        break;
      }
      case 'displaced':
        text = {
          tone: 'bad',
          title: 'Disconnected — another register is using this API key',
          detail: 'Only one register can be connected with a key. Payments are blocked here. Press "Reconnect here" to take over (the other register will be disconnected).',
          action: 'reconnectHere',
        };
        break;
      case 'auth_failed': {
        // A provisioned key cannot be fixed in Settings: the cashier calls whoever set it up.
        const byIt = locked?.includes('apiKey') ?? false;
        text = {
          tone: 'bad',
          title: 'Authentication failed — the gateway refused this register',
          detail: joinSentences(connection.reason, byIt ? CALL_IT('API key') : 'Check the API key in Settings.', 'Payments are blocked.'),
          ...(byIt ? {} : { action: 'settings' as const }),
        };
        break;
      }
      case 'idle':
      case 'stopped':
      default: {
        const byIt = locked?.includes('endpoint') ?? false;
        const fix = byIt ? CALL_IT('gateway address') : connection.endpoint ? undefined : 'Open Settings.';
        text = {
          tone: 'bad',
          title: 'Offline — payments are blocked',
          detail: joinSentences(connection.reason || (connection.endpoint ? 'Not connected to the payment gateway.' : 'No payment gateway is set up.'), fix),
          ...(connection.endpoint ? { action: 'reconnect' as const } : byIt ? {} : { action: 'settings' as const }),
        };
      }
    }
  }

  const doReconnect = () => void reconnect.run(() => bridge.reconnectNow({}));

  return (
    <section className={`banner banner-${text.tone}`} aria-label="Gateway connection" data-testid="connection-banner">
      <div role="status" className="banner-text">
        <StatusIcon tone={text.tone} />
        <strong>{text.title}</strong>
        {text.detail && <span className="banner-detail">{text.detail}</span>}
      </div>
      {/* Payments are blocked: reconnecting is the one thing to do, so it is the primary button. */}
      {text.action === 'reconnect' && (
        <button type="button" className="primary" onClick={doReconnect} disabled={reconnect.busy}>
          Reconnect now
        </button>
      )}
      {text.action === 'reconnectHere' && (
        <button type="button" onClick={doReconnect} disabled={reconnect.busy}>
          Reconnect here
        </button>
      )}
      {text.action === 'settings' && (
        <a
          href="#settings"
          className="button-link"
          onClick={(event) => {
            event.preventDefault();
            setScreen('settings');
          }}
        >
          Open Settings
        </a>
      )}
      {reconnect.error && (
        <p role="alert" className="error-text">
          {reconnect.error}
        </p>
      )}
    </section>
  );
}
