import { useContext, useMemo } from 'react';
import { createIntl, createIntlCache, IntlContext, type IntlShape } from 'react-intl';
import { ENGLISH } from '../../shared/i18n/catalogs/load';
import { resolveLocale } from '../../shared/i18n/locale';
import { createTranslator, type Translator } from '../../shared/i18n/translator';

const englishKeys = new Set(Object.keys(ENGLISH));
let english: Translator | undefined;

/** Outside an I18nRoot (a component test rendering one screen): English with US formats. */
function englishTranslator(): Translator {
  english ??= createTranslator(
    resolveLocale('en-US'),
    createIntl({ locale: 'en-US', messages: ENGLISH, onError: () => undefined }, createIntlCache()),
    englishKeys,
  );
  return english;
}

const keysByIntl = new WeakMap<IntlShape, Set<string>>();

/** The window's words and formats: `const { t, say, money } = useT()`. */
export function useT(): Translator {
  const intl = useContext(IntlContext);
  return useMemo(() => {
    if (!intl) return englishTranslator();
    let keys = keysByIntl.get(intl);
    if (!keys) keysByIntl.set(intl, (keys = new Set(Object.keys(intl.messages))));
    return createTranslator(resolveLocale(intl.locale), intl, keys);
  }, [intl]);
}
