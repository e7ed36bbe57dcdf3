import { toAsciiDigits } from '../../shared/i18n/format';
import { useT } from '../i18n/useT';
import { GLYPH } from './glyphs';

const KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The on-screen PIN pad for touch tills. Its keys add to the PIN field beside it; keyboard users
 * type into that field instead, so the keys stay out of the Tab order (like the checkout keypad).
 * The keys show the locale's digits (Arabic-Indic in ar-KW); the PIN itself is always ASCII.
 */
export function PinPad({ onDigit, onDelete, label }: { onDigit(d: string): void; onDelete(): void; label: string }) {
  const t = useT();
  return (
    <div className="numpad pin-pad" role="group" aria-label={label}>
      {KEYS.map((d) => (
        <button key={d} type="button" tabIndex={-1} onClick={() => onDigit(String(d))}>
          {t.number(d)}
        </button>
      ))}
      <button type="button" tabIndex={-1} onClick={onDelete} aria-label={t.t('common.pin.deleteDigit')}>
        {GLYPH.backspace}
      </button>
      <button type="button" tabIndex={-1} onClick={() => onDigit('0')}>
        {t.number(0)}
      </button>
    </div>
  );
}

/** Keeps a PIN field to digits, at most 8; Arabic-Indic or full-width digits typed on a local keyboard count as digits. */
export function pinDigits(value: string): string {
  return toAsciiDigits(value).replace(/\D/g, '').slice(0, 8);
}
