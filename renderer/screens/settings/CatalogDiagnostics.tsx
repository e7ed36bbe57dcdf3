import type { CatalogStatus } from '../../../shared/basket';
import { formatDateTime } from '../../format/time';

const SOURCE_WORDS: Record<CatalogStatus['source'], string> = {
  none: 'No catalogue is configured: the checkout takes amount-only sales and free lines.',
  file: 'The store’s catalogue file',
  demo: 'The demo sample catalogue (demo mode, no catalogue configured)',
};

/** basket: which catalogue the till uses, how many items it has, and every line it skipped, by number. */
export function CatalogDiagnostics({ catalog }: { catalog: CatalogStatus | undefined }) {
  if (!catalog) return null;
  const unit = catalog.unit === 'item' ? 'Item' : 'Line';
  return (
    <section aria-labelledby="catalog-diag-title">
      <h2 id="catalog-diag-title">Catalogue</h2>
      <p>
        {SOURCE_WORDS[catalog.source]}
        {catalog.path ? <span className="mono"> {catalog.path}</span> : null}
        {catalog.source !== 'none' && `: ${catalog.items} item${catalog.items === 1 ? '' : 's'}`}
        {catalog.loadedAt ? `, loaded ${formatDateTime(catalog.loadedAt)}.` : ''}
      </p>
      {catalog.error && (
        <p className="error-text" role="alert">
          {catalog.error}
        </p>
      )}
      {catalog.problems.length > 0 && (
        <ul className="payment-list" aria-label="Skipped catalogue lines">
          {catalog.problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>
              {unit} {p.line}: {p.message}
            </li>
          ))}
          {catalog.moreProblems ? <li>… and {catalog.moreProblems} more.</li> : null}
        </ul>
      )}
    </section>
  );
}
