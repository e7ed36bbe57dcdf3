import { useContext, useMemo } from 'react';
import { createIntl, createIntlCache, IntlContext } from 'react-intl';
import { ENGLISH } from '../../shared/i18n/catalogs/load';
import { resolveLocale } from '../../shared/i18n/locale';
import { createTranslator, type Translator } from '../../shared/i18n/translator';

let english: Translator | undefined;

/** Outside an I18nRoot (a component test rendering one screen): English with US formats. */
function englishTranslator(): Translator {
  english ??= createTranslator(
    resolveLocale('en-US'),
    createIntl({ locale: 'en-US', messages: ENGLISH, onError: () => undefined }, createIntlCache()),
    ENGLISH,
  );
  return english;
}

/** The window's words and formats: `const { t, say, money } = useT()`. */
export function useT(): Translator {
  const intl = useContext(IntlContext);
  return useMemo(() => {
    if (!intl) return englishTranslator();
    // I18nRoot gives react-intl plain string messages (the loaded catalogue).
    return createTranslator(resolveLocale(intl.locale), intl, intl.messages as Record<string, string>);
  }, [intl]);
}
