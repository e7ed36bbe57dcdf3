import { useState } from 'react';
import type { Diagnostics } from '../../../shared/ipc';
import { useT } from '../../i18n/useT';

/**
 * Diagnostics' part for store IT and support: the crash dumps Electron left on this PC (never
 * uploaded) and "Copy for support", which puts versions, settings (keys only as set / not set),
 * recent errors and the last log lines on the clipboard in one go. Where the clipboard is refused,
 * the same text is shown to select and copy by hand. The copied text stays English on purpose:
 * it is read by the vendor's support, not at the till.
 */
export function SupportSection({ diag }: { diag: Diagnostics }) {
  const t = useT();
  const [copy, setCopy] = useState<{ state: 'idle' | 'copied' } | { state: 'failed'; text: string }>({ state: 'idle' });

  const copyForSupport = () => {
    const text = supportText(diag);
    navigator.clipboard
      .writeText(text)
      .then(() => setCopy({ state: 'copied' }))
      .catch(() => setCopy({ state: 'failed', text }));
  };

  return (
    <>
      {diag.crashDumpDir !== undefined && (
        <>
          <h2>{t.t('settings.support.crash_dumps')}</h2>
          <p className="hint">
            {t.t('settings.support.kept_in')} <span className="mono">{diag.crashDumpDir}</span>
          </p>
          {(diag.crashDumps ?? []).length === 0 ? (
            <p className="hint">{t.t('settings.support.no_crash_dumps')}</p>
          ) : (
            <ul className="payment-list">
              {(diag.crashDumps ?? []).map((d) => (
                <li key={d.file}>{t.t('settings.support.dump', { at: t.dateTime(d.at), file: d.file, kb: Math.round(d.bytes / 1024) })}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {diag.support && (
        <>
          <button type="button" onClick={copyForSupport}>
            {t.t('settings.support.copy')}
          </button>
          <p role="status">{copy.state === 'copied' ? t.t('settings.support.copied') : ''}</p>
          {copy.state === 'failed' && (
            <>
              <p role="alert">{t.t('settings.support.copy_failed')}</p>
              <textarea readOnly aria-label={t.t('settings.support.text')} rows={12} value={copy.text} />
            </>
          )}
        </>
      )}
    </>
  );
}

/**
 * Plain text a support person can read in an e-mail: English on purpose, in every till language
 * (the vendor's support reads it), so its labels are not in the catalogues.
 */
export function supportText(diag: Diagnostics): string {
  const support = diag.support;
  const pairs = (record: Record<string, unknown>) => Object.entries(record).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [
    'Checkstand support information', // i18n-ignore: support text, English for the vendor
    'Versions:',
    ...pairs(support?.versions ?? { app: diag.appVersion }),
    `Connection: ${diag.connectionState} ${diag.endpoint}, reconnects today ${diag.reconnectsToday}`,
    `Log folder: ${diag.logDir}`, // i18n-ignore: support text, English for the vendor
    `Journal folder: ${diag.journalDir}`, // i18n-ignore: support text, English for the vendor
    ...(diag.updateError ? [`Update error: ${diag.updateError}`] : []), // i18n-ignore: support text, English for the vendor
    'Settings:',
    ...pairs(support?.settings ?? {}),
    'Recent errors:', // i18n-ignore: support text, English for the vendor
    ...diag.recentErrors.map((e) => `  ${new Date(e.at).toISOString()} ${e.message}`),
    ...(diag.crashDumpDir
      ? [`Crash dumps in ${diag.crashDumpDir}:`, ...(diag.crashDumps ?? []).map((d) => `  ${new Date(d.at).toISOString()} ${d.file} ${d.bytes} bytes`)] // i18n-ignore: support text, English for the vendor
      : []),
    'Last log lines:', // i18n-ignore: support text, English for the vendor
    ...(support?.logTail ?? []),
  ].join('\n');
}
