import { english } from '../../electron/core/i18n/english';
import { describe, expect, it } from 'vitest';
import { canonicalLocale, localeProblem, resolveLocale } from './locale';

describe('resolveLocale: which words, formats and direction a till gets', () => {
  it('takes the first usable tag, canonicalised (de_de, de-de → de-DE)', () => {
    expect(resolveLocale('de_de')).toEqual({ locale: 'de-DE', language: 'de', dir: 'ltr' });
    expect(resolveLocale(undefined, '', '  ', 'ja-jp', 'de-DE')).toEqual({ locale: 'ja-JP', language: 'ja', dir: 'ltr' });
  });

  it('skips bad tags instead of failing, and falls back to English with US formats', () => {
    expect(resolveLocale('not a locale!', 'es-ES')).toEqual({ locale: 'es-ES', language: 'es', dir: 'ltr' });
    expect(resolveLocale('!!', null, undefined)).toEqual({ locale: 'en-US', language: 'en', dir: 'ltr' });
    expect(resolveLocale()).toEqual({ locale: 'en-US', language: 'en', dir: 'ltr' });
  });

  it('Arabic is right-to-left, with its numbering system choice kept in the tag', () => {
    expect(resolveLocale('ar-KW')).toEqual({ locale: 'ar-KW', language: 'ar', dir: 'rtl' });
    expect(resolveLocale('ar-KW-u-nu-latn')).toEqual({ locale: 'ar-KW-u-nu-latn', language: 'ar', dir: 'rtl' });
  });

  it('an unsupported language gets English words with its own formats (and direction)', () => {
    expect(resolveLocale('fr-CH')).toEqual({ locale: 'fr-CH', language: 'en', dir: 'ltr' });
    expect(resolveLocale('he-IL')).toEqual({ locale: 'he-IL', language: 'en', dir: 'rtl' });
  });

  it('en-XA is the pseudo-locale', () => {
    expect(resolveLocale('en-XA')).toEqual({ locale: 'en-XA', language: 'pseudo', dir: 'ltr' });
  });

  it('canonicalLocale and localeProblem tell a bad tag from a good one, with a clear message', () => {
    expect(canonicalLocale('EN-us')).toBe('en-US');
    expect(canonicalLocale('de DE')).toBeUndefined();
    expect(localeProblem('ja-JP')).toBeUndefined();
    expect(localeProblem('')).toBeUndefined();
    expect(localeProblem('de DE')).toEqual({ key: 'services.settings.locale_unknown', values: { tag: 'de DE' } });
    expect(english(localeProblem('de DE')!)).toMatch(/"de DE" is not a locale.*de-DE, ja-JP or ar-KW/);
  });
});
