import { useT } from '../i18n/useT';

/** Shown when the browser host page was opened without its per-launch token (in the browser's language). */
export function NoTokenPage() {
  const t = useT();
  return (
    <main className="main no-token">
      <h1>{t.t('common.noToken.title')}</h1>
      <p>{t.t('common.noToken.howTo', { command: 'npm start', suffix: '?token=…' })}</p>
      <p>{t.t('common.noToken.changes')}</p>
    </main>
  );
}
