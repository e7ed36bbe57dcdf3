import { useEffect, useState } from 'react';
import type { Diagnostics } from '../../../shared/ipc';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useBridge, usePos } from '../../store/context';
import { SupportSection } from './SupportSection';
import { CatalogDiagnostics } from './CatalogDiagnostics';
import { DiagnosticsBlocks } from './DiagnosticsBlocks';

/** What support asks for on the phone: link state, round-trip, reconnects, version, log folder. */
export function DiagnosticsScreen() {
  const t = useT();
  const app = usePos((s) => s.app);
  const connection = usePos((s) => s.connection);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { diag, loading, error, refresh } = useDiagnostics();

  const rtt = diag?.lastPongRttMs ?? connection?.lastPongRttMs;
  return (
    <section className="screen" aria-labelledby="diag-title">
      <h1 id="diag-title" ref={headingRef} tabIndex={-1}>
        {t.t('settings.diag.title')}
      </h1>
      <dl className="facts">
        <dt>{t.t('settings.diag.connection')}</dt>
        <dd>{diag?.connectionState ?? connection?.state ?? t.t('settings.diag.unknown')}</dd>
        <dt>{t.t('settings.diag.endpoint')}</dt>
        <dd className="mono">{diag?.endpoint ?? connection?.endpoint ?? t.t('settings.diag.none')}</dd>
        <dt>{t.t('settings.diag.rtt')}</dt>
        <dd>{rtt !== undefined ? t.t('settings.diag.ms', { ms: Math.round(rtt) }) : t.t('settings.diag.not_measured')}</dd>
        <dt>{t.t('settings.diag.reconnects')}</dt>
        <dd>{t.number(diag?.reconnectsToday ?? connection?.reconnectsToday ?? 0)}</dd>
        <dt>{t.t('settings.diag.version')}</dt>
        <dd>{diag?.appVersion ?? app?.version ?? t.t('settings.diag.none')}</dd>
        <dt>{t.t('settings.diag.host')}</dt>
        <dd>{app?.host === 'browser' ? t.t('settings.diag.host.browser') : t.t('settings.diag.host.desktop')}</dd>
        <dt>{t.t('settings.diag.log_dir')}</dt>
        <dd className="mono">{diag?.logDir ?? app?.logDir ?? t.t('settings.diag.none')}</dd>
        <dt>{t.t('settings.diag.journal_dir')}</dt>
        <dd className="mono">{diag?.journalDir ?? app?.journalDir ?? t.t('settings.diag.none')}</dd>
        {diag?.updateError && (
          <>
            <dt>{t.t('settings.diag.update_error')}</dt>
            <dd>{diag.updateError}</dd>
          </>
        )}
      </dl>
      <button type="button" onClick={refresh} disabled={loading}>
        {loading ? t.t('settings.diag.refreshing') : t.t('settings.diag.refresh')}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <DiagnosticsBlocks diag={diag} />
      <CatalogDiagnostics catalog={diag?.catalog} />
      <h2>{t.t('settings.diag.recent_errors')}</h2>
      {diag && diag.recentErrors.length === 0 && <p className="hint">{t.t('settings.diag.no_recent_errors')}</p>}
      {diag && diag.recentErrors.length > 0 && (
        <ul className="payment-list">
          {diag.recentErrors.map((e, i) => (
            <li key={`${e.at}-${i}`}>{t.t('settings.diag.error_line', { at: t.dateTime(e.at), message: e.message })}</li>
          ))}
        </ul>
      )}
      {diag && <SupportSection diag={diag} />}
    </section>
  );
}

/** The core's Diagnostics, asked for on opening and on Refresh; an answer for a screen already left is dropped. */
function useDiagnostics() {
  const t = useT();
  const bridge = useBridge();
  const [request, setRequest] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [diag, setDiag] = useState<Diagnostics | null>(null);

  useEffect(() => {
    let live = true;
    bridge
      .getDiagnostics({})
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          setDiag(result.value);
          setError(null);
        } else setError(t.say(result.error.msg, result.error.message));
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [bridge, request, t]);

  const refresh = () => {
    setLoading(true);
    setRequest((n) => n + 1);
  };
  return { diag, loading, error, refresh };
}
