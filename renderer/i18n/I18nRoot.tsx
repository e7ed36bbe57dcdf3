import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { ENGLISH, loadCatalog, type Catalog } from '../../shared/i18n/catalogs/load';
import { resolveLocale, type ResolvedLocale } from '../../shared/i18n/locale';
import { selectApp } from '../store/selectors';
import { usePos } from '../store/context';
import { setActiveLocale } from './active-locale';

/**
 * The window's language: the core's resolved locale (CHECKSTAND_LOCALE, the setting, the OS),
 * or the browser's until the first snapshot. Sets <html lang dir>, loads the language's chunk
 * (English meanwhile, so the till never shows keys) and remounts the screens when it changes.
 */
export function I18nRoot({ children }: { children: ReactNode }) {
  const tag = usePos((s) => selectApp(s)?.locale);
  return <LocaleProvider tag={tag}>{children}</LocaleProvider>;
}

/** The same for a given tag (the page shown before any core is reached: the browser's language). */
export function LocaleProvider({ tag, children }: { tag: string | undefined; children: ReactNode }) {
  const resolved = resolveLocale(tag, navigator.language);
  const [loaded, setLoaded] = useState<{ locale: string; catalog: Catalog }>({ locale: 'en-US', catalog: ENGLISH });

  useEffect(() => {
    let current = true;
    void loadCatalog(resolved.language).then((catalog) => {
      if (current) setLoaded({ locale: resolved.locale, catalog });
    });
    return () => {
      current = false;
    };
  }, [resolved.locale, resolved.language]);

  const shown: ResolvedLocale = loaded.locale === resolved.locale ? resolved : resolveLocale(loaded.locale);
  setActiveLocale(shown);
  useLayoutEffect(() => {
    document.documentElement.lang = shown.locale;
    document.documentElement.dir = shown.dir;
  }, [shown.locale, shown.dir]);

  return (
    <IntlProvider key={shown.locale} locale={shown.locale} defaultLocale="en" messages={loaded.catalog} onError={() => undefined}>
      {children}
    </IntlProvider>
  );
}
