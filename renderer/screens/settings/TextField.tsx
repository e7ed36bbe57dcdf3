import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  locked?: boolean;
  error?: string;
  type?: 'text' | 'password' | 'url' | 'number';
  hint?: string;
  maxLength?: number;
}

/** A labelled input with its hint and field error wired for screen readers. */
export function TextField({ id, label, value, onChange, locked = false, error, type = 'text', hint, maxLength }: Props) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {locked && <span className="locked"> {t.t('settings.locked')}</span>}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        readOnly={locked}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-text">
          <span aria-hidden="true">{GLYPH.cross}</span>
          {error}
        </p>
      )}
    </div>
  );
}
