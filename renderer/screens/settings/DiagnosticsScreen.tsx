import { useEffect, useState } from 'react';
import type { Diagnostics } from '../../../shared/ipc';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { formatDateTime } from '../../format/time';
import { useBridge, usePos } from '../../store/context';
import { SupportSection } from './SupportSection';
import { CatalogDiagnostics } from './CatalogDiagnostics';
import { DiagnosticsBlocks } from './DiagnosticsBlocks';

/** What support asks for on the phone: link state, round-trip, reconnects, version, log folder. */
export function DiagnosticsScreen() {
  const app = usePos((s) => s.app);
  const connection = usePos((s) => s.connection);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { diag, loading, error, refresh } = useDiagnostics();

  const rtt = diag?.lastPongRttMs ?? connection?.lastPongRttMs;
  return (
    <section className="screen" aria-labelledby="diag-title">
      <h1 id="diag-title" ref={headingRef} tabIndex={-1}>
        Diagnostics
      </h1>
      <dl className="facts">
        <dt>Connection state</dt>
        <dd>{diag?.connectionState ?? connection?.state ?? 'unknown'}</dd>
        <dt>Gateway address</dt>
        <dd className="mono">{diag?.endpoint ?? connection?.endpoint ?? '—'}</dd>
        <dt>Last ping round-trip</dt>
        <dd>{rtt !== undefined ? `${Math.round(rtt)} ms` : 'not measured yet'}</dd>
        <dt>Reconnects today</dt>
        <dd>{diag?.reconnectsToday ?? connection?.reconnectsToday ?? 0}</dd>
        <dt>App version</dt>
        <dd>{diag?.appVersion ?? app?.version ?? '—'}</dd>
        <dt>Running in</dt>
        <dd>{app?.host === 'browser' ? 'Browser host' : 'Desktop app'}</dd>
        <dt>Log folder</dt>
        <dd className="mono">{diag?.logDir ?? app?.logDir ?? '—'}</dd>
        <dt>Payment journal folder</dt>
        <dd className="mono">{diag?.journalDir ?? app?.journalDir ?? '—'}</dd>
        {diag?.updateError && (
          <>
            <dt>Update error</dt>
            <dd>{diag.updateError}</dd>
          </>
        )}
      </dl>
      <button type="button" onClick={refresh} disabled={loading}>
        {loading ? 'Refreshing…' : 'Refresh'}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <DiagnosticsBlocks diag={diag} />
      <CatalogDiagnostics catalog={diag?.catalog} />
      <h2>Recent errors</h2>
      {diag && diag.recentErrors.length === 0 && <p className="hint">No recent errors.</p>}
      {diag && diag.recentErrors.length > 0 && (
        <ul className="payment-list">
          {diag.recentErrors.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              {formatDateTime(e.at)} — {e.message}
            </li>
          ))}
        </ul>
      )}
      {diag && <SupportSection diag={diag} />}
    </section>
  );
}

/** The core's Diagnostics, asked for on opening and on Refresh; an answer for a screen already left is dropped. */
function useDiagnostics() {
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
        } else setError(result.error.message);
      })
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [bridge, request]);

  const refresh = () => {
    setLoading(true);
    setRequest((n) => n + 1);
  };
  return { diag, loading, error, refresh };
}
