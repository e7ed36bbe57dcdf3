import { resolveLocale } from '../../../shared/i18n/locale';
import type { Translator } from '../../../shared/i18n/translator';
import type { Settings } from '../ports';
import { translatorFor } from './core-translator';

/**
 * The till's locale in effect: the setting (CHECKSTAND_LOCALE and provisioning arrive through
 * it, locked), else the OS's, else English with US formats. Read at each use, so a saved setting
 * changes the next receipt and the next snapshot.
 */
export function tillLocale(settings: () => Pick<Settings, 'locale'>, osLocale: string | undefined): () => string {
  return () => resolveLocale(settings().locale, osLocale).locale;
}

/** The till's words and formats right now (receipts, slips, Z reports, CSV headers). */
export function tillTranslator(locale: () => string): () => Translator {
  return () => translatorFor(locale());
}
