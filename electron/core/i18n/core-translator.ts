import { createIntl, createIntlCache } from '@formatjs/intl';
import ar from '../../../shared/i18n/catalogs/ar';
import de from '../../../shared/i18n/catalogs/de';
import en from '../../../shared/i18n/catalogs/en';
import es from '../../../shared/i18n/catalogs/es';
import ja from '../../../shared/i18n/catalogs/ja';
import type { Catalog } from '../../../shared/i18n/catalogs/load';
import { resolveLocale, type CatalogLanguage } from '../../../shared/i18n/locale';
import { pseudoCatalog } from '../../../shared/i18n/pseudo';
import { createTranslator, type Translator } from '../../../shared/i18n/translator';

/**
 * The main process's words (receipts, void slips, Z reports, CSV headers, the recovery page):
 * every catalogue is bundled here, read synchronously, so a receipt never waits for a chunk.
 */
const CATALOGS: Record<CatalogLanguage, () => Catalog> = {
  en: () => en,
  de: () => ({ ...en, ...de }),
  es: () => ({ ...en, ...es }),
  ja: () => ({ ...en, ...ja }),
  ar: () => ({ ...en, ...ar }),
  pseudo: () => pseudoCatalog(en),
};

const cache = createIntlCache();
const translators = new Map<string, Translator>();

/** The translator for a locale tag (canonicalised; an unusable tag gives English with US formats). */
export function translatorFor(tag: string | undefined): Translator {
  const resolved = resolveLocale(tag);
  let translator = translators.get(resolved.locale);
  if (!translator) {
    const messages = CATALOGS[resolved.language]();
    // A missing key is caught by the catalogue test; here it shows the key rather than throwing.
    const intl = createIntl({ locale: resolved.locale, defaultLocale: 'en', messages, onError: () => undefined }, cache);
    translator = createTranslator(resolved, intl, messages);
    translators.set(resolved.locale, translator);
  }
  return translator;
}
