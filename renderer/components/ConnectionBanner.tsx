import { useShallow } from 'zustand/react/shallow';
import { useTimeLeft } from '../hooks/useTimeLeft';
import { useCommand } from '../hooks/useCommand';
import { useBridge, usePos } from '../store/context';
import { bannerText } from './banner-text';
import { StatusIcon } from './StatusIcon';
import { useT } from '../i18n/useT';

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
  const t = useT();
  const bridge = useBridge();
  const reconnect = useCommand<{ done: true }>();
  const msLeft = useTimeLeft();

  const text = bannerText({ connection, bridgeLinked, synced, paused, locked }, msLeft, t);

  const doReconnect = () => void reconnect.run(() => bridge.reconnectNow({}));

  return (
    <section className={`banner banner-${text.tone}`} aria-label={t.t('common.banner.label')} data-testid="connection-banner">
      <div role="status" className="banner-text">
        <StatusIcon tone={text.tone} />
        <strong>{text.title}</strong>
        {text.detail && <span className="banner-detail">{text.detail}</span>}
      </div>
      {/* Payments are blocked: reconnecting is the one thing to do, so it is the primary button. */}
      {text.action === 'reconnect' && (
        <button type="button" className="primary" onClick={doReconnect} disabled={reconnect.busy}>
          {t.t('common.banner.reconnectNow')}
        </button>
      )}
      {text.action === 'reconnectHere' && (
        <button type="button" onClick={doReconnect} disabled={reconnect.busy}>
          {t.t('common.banner.reconnectHere')}
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
          {t.t('common.banner.openSettings')}
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
