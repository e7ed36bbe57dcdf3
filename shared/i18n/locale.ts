import { msg, type Msg } from './message';

/**
 * Which language and formats the till uses. A locale tag (BCP 47: `de-DE`, `ja-JP`, `ar-KW`)
 * picks the words (its language, when we ship it, else English) and every number, money, date
 * and time format (the whole tag, so `fr-CH` gets English words with Swiss formats).
 * `en-XA` is the development pseudo-locale: English made longer, accented and bracketed, so a
 * string that skipped the catalogues, or a layout that cannot grow, shows at a glance.
 */
export const LANGUAGES = ['en', 'de', 'es', 'ja', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export type CatalogLanguage = Language | 'pseudo';

export const PSEUDO_LOCALE = 'en-XA';
export const FALLBACK_LOCALE = 'en-US';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale {
  /** The canonical tag every Intl formatter is given (the numbering system rides along in `-u-nu-`). */
  locale: string;
  /** Which catalogue the words come from. */
  language: CatalogLanguage;
  dir: 'ltr' | 'rtl';
}

/** A tag Intl accepts, canonicalised (`de-de` → `de-DE`), or undefined. */
export function canonicalLocale(tag: string | undefined | null): string | undefined {
  const text = (tag ?? '').trim().replace(/_/g, '-');
  if (!text) return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

/** Why `tag` cannot be the till's locale (for Settings and provisioning), or undefined when it can. */
export function localeProblem(tag: string): Msg | undefined {
  if (tag.trim() === '') return undefined;
  return canonicalLocale(tag) ? undefined : msg('services.settings.locale_unknown', { tag });
}

/**
 * The first usable tag of `candidates` (the environment, the setting, the OS), resolved.
 * Nothing usable: English with US formats.
 */
export function resolveLocale(...candidates: (string | undefined | null)[]): ResolvedLocale {
  for (const candidate of candidates) {
    const locale = canonicalLocale(candidate);
    if (locale) return describe(locale);
  }
  return describe(FALLBACK_LOCALE);
}

function describe(locale: string): ResolvedLocale {
  if (locale === PSEUDO_LOCALE) return { locale, language: 'pseudo', dir: 'ltr' };
  const base = new Intl.Locale(locale).language;
  const language = (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
  return { locale, language, dir: RTL_LANGUAGES.has(base) ? 'rtl' : 'ltr' };
}
