import type { CatalogStatus } from '../../../shared/basket';
import { joinSentencesIn } from '../../format/sentences';
import { useT } from '../../i18n/useT';

/** basket: which catalogue the till uses, how many items it has, and every line it skipped, by number. */
export function CatalogDiagnostics({ catalog }: { catalog: CatalogStatus | undefined }) {
  const t = useT();
  if (!catalog) return null;
  return (
    <section aria-labelledby="catalog-diag-title">
      <h2 id="catalog-diag-title">{t.t('settings.catalog.title')}</h2>
      <p>
        {t.t(`settings.catalog.source.${catalog.source}`)}
        {catalog.path ? <span className="mono"> {catalog.path}</span> : null}
        {catalog.source !== 'none' && t.t('settings.catalog.items', { count: catalog.items })}
        {catalog.loadedAt ? t.t('settings.catalog.loaded', { at: t.dateTime(catalog.loadedAt) }) : ''}
      </p>
      {catalog.error && (
        <p className="error-text" role="alert">
          {catalog.errorMsg ? joinSentencesIn(t.language, t.say(catalog.errorMsg), t.t('services.catalog.amount_only')) : catalog.error}
        </p>
      )}
      {catalog.problems.length > 0 && (
        <ul className="payment-list" aria-label={t.t('settings.catalog.skipped')}>
          {catalog.problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>{t.t('settings.catalog.problem', { unit: catalog.unit, line: p.line, message: t.say(p.msg, p.message) })}</li>
          ))}
          {catalog.moreProblems ? <li>{t.t('settings.catalog.more', { count: catalog.moreProblems })}</li> : null}
        </ul>
      )}
    </section>
  );
}
