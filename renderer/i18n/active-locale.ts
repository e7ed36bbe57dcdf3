import { resolveLocale, type ResolvedLocale } from '../../shared/i18n/locale';

/**
 * The locale the window shows, for the plain format functions (formatMoney, formatClock…) that
 * screens call outside React's render context too. One window shows one locale at a time;
 * I18nRoot sets it before its children render and remounts them when it changes.
 */
let active: ResolvedLocale = resolveLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

export function activeLocale(): ResolvedLocale {
  return active;
}

export function setActiveLocale(next: ResolvedLocale): void {
  active = next;
}
