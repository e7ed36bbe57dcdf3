import { createIntl, createIntlCache } from 'react-intl';
import { ENGLISH } from '../../shared/i18n/catalogs/load';
import { resolveLocale } from '../../shared/i18n/locale';
import { createTranslator, type Translator } from '../../shared/i18n/translator';

let english: Translator | undefined;

/**
 * English words outside React (helpers other screens still call without a translator): the same
 * catalogue the window falls back to, so the default words live in one place, the JSON.
 */
export function englishWords(): Translator {
  english ??= createTranslator(
    resolveLocale('en-US'),
    createIntl({ locale: 'en-US', messages: ENGLISH, onError: () => undefined }, createIntlCache()),
    ENGLISH,
  );
  return english;
}
