import { useState } from 'react';
import { canonicalLocale } from '../../../shared/i18n/locale';
import { useT } from '../../i18n/useT';
import { selectApp } from '../../store/selectors';
import { usePos } from '../../store/context';
import type { FieldsetProps } from './SettingsFieldsets';
import { TextField } from './TextField';

/** The shipped languages with the regions stores ask for most; any other tag is typed by hand. */
export const COMMON_LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'es-ES', 'es-MX', 'ja-JP', 'ar-KW', 'ar-SA', 'ar-AE'] as const;
const ANOTHER = 'other';

/** A locale by its own name: "Deutsch (Deutschland)", "日本語 (日本)", "العربية (الكويت)". */
export function ownName(tag: string): string | undefined {
  const locale = canonicalLocale(tag);
  if (!locale) return undefined;
  try {
    return new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' }).of(locale);
  } catch {
    return undefined;
  }
}

/**
 * "Language and formats": the till's words and its number, money, date and time formats. '' is
 * the OS's; the core validates a typed tag (its error comes back as the field's FieldError) and,
 * once saved, sends the new locale in the snapshot, which switches the window's language.
 */
export function LocaleField({ form, set, errors, isLocked }: FieldsetProps) {
  const t = useT();
  const app = usePos(selectApp);
  const value = form.locale ?? '';
  const [typing, setTyping] = useState(() => value !== '' && !(COMMON_LOCALES as readonly string[]).includes(value));
  const locked = isLocked('locale');
  // With the setting empty, the locale in effect is the OS's (unless an older host sent none).
  const osLocale = (value === '' ? app?.locale : undefined) ?? navigator.language;
  const name = ownName(value);
  return (
    <div className="field">
      <label htmlFor="locale">
        {t.t('settings.locale.label')}
        {locked && <span className="locked">{t.t('settings.locked')}</span>}
      </label>
      <select
        id="locale"
        value={typing ? ANOTHER : value}
        disabled={locked}
        aria-describedby="locale-hint"
        onChange={(e) => {
          const chosen = e.target.value;
          setTyping(chosen === ANOTHER);
          if (chosen !== ANOTHER) set({ locale: chosen });
        }}
      >
        <option value="">{t.t('settings.locale.system', { name: ownName(osLocale) ?? osLocale })}</option>
        {COMMON_LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {ownName(tag) ?? tag}
          </option>
        ))}
        <option value={ANOTHER}>{t.t('settings.locale.other')}</option>
      </select>
      <p id="locale-hint" className="hint">
        {t.t('settings.locale.hint')}
      </p>
      {typing ? (
        <TextField
          id="localeTag"
          label={t.t('settings.locale.tag')}
          value={value}
          locked={locked}
          maxLength={50}
          error={errors.locale}
          hint={name ? t.t('settings.locale.reads_as', { name }) : t.t('settings.locale.example')}
          onChange={(locale) => set({ locale })}
        />
      ) : (
        errors.locale && <p className="error-text">{errors.locale}</p>
      )}
    </div>
  );
}
