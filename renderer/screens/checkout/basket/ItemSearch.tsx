import { useEffect, useState } from 'react';
import { lineFromItem, type BasketLine, type CatalogItem } from '../../../../shared/basket';
import { useBridge } from '../../../store/context';
import { useT } from '../../../i18n/useT';

/** Finds catalogue items by name, sku or barcode as the cashier types; Enter takes the first. */
export function ItemSearch({ currency, onPick }: { currency: string; onPick(line: BasketLine): void }) {
  const t = useT();
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  // The answer remembers its query: an emptied box shows nothing without waiting for one.
  const [answer, setAnswer] = useState<{ query: string; items: CatalogItem[] }>({ query: '', items: [] });
  const found = query.trim() !== '' && answer.query === query ? answer.items : [];
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    void bridge.catalogSearch({ query: query.slice(0, 100), limit: 5 }).then((r) => {
      if (current) setAnswer({ query, items: r.ok ? r.value.items : [] });
    });
    return () => {
      current = false;
    };
  }, [bridge, query]);

  const pick = (item: CatalogItem) => {
    onPick(lineFromItem(item));
    setQuery('');
  };
  return (
    <div className="item-search">
      <label htmlFor="item-search">{t.t('checkout.basket.find')}</label>
      <input
        id="item-search"
        type="search"
        autoComplete="off"
        placeholder={t.t('checkout.basket.findPlaceholder')}
        value={query}
        aria-controls="item-search-results"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          // Enter here picks an item; it never pays.
          event.preventDefault();
          if (found[0]) pick(found[0]);
        }}
      />
      <ul id="item-search-results" className="item-search-results" aria-label={t.t('checkout.basket.found')}>
        {found.map((item) => (
          <li key={item.barcode}>
            <button type="button" className="secondary" onClick={() => pick(item)}>
              <span>{item.name}</span> <span className="hint">{item.barcode}</span> <span>{t.money(item.priceMinor, currency)}</span>
            </button>
          </li>
        ))}
        {query.trim() !== '' && answer.query === query && found.length === 0 && (
          <li className="hint">{t.t('checkout.basket.noMatch', { query: query.trim() })}</li>
        )}
      </ul>
    </div>
  );
}
