import { useContext, useMemo } from 'react';
import { IntlContext } from 'react-intl';
import { resolveLocale } from '../../shared/i18n/locale';
import { createTranslator, type Translator } from '../../shared/i18n/translator';
import { englishWords } from './english-words';

/** The window's words and formats: `const { t, say, money } = useT()`; outside an I18nRoot (a component test), English with US formats. */
export function useT(): Translator {
  const intl = useContext(IntlContext);
  return useMemo(() => {
    if (!intl) return englishWords();
    // I18nRoot gives react-intl plain string messages (the loaded catalogue).
    return createTranslator(resolveLocale(intl.locale), intl, intl.messages as Record<string, string>);
  }, [intl]);
}
