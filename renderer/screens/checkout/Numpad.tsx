import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

interface Props {
  onDigits(keys: string): void;
  onBackspace(): void;
  onClear(): void;
  /** The Pay key's label (it shows the amount that will be charged). */
  payLabel: string;
  /** The key beside 0: "00" (cash-register entry), or the decimal separator (whole units). */
  extraKey: string;
}

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3'];

/** A key's label in the locale's digits (Arabic-Indic in ar-KW); what it types is always ASCII. */
type DigitLabel = (keys: string) => string;

/**
 * On-screen keypad for touch screens, laid out like a card terminal's: digits, delete and clear,
 * and a Pay key, so a touch sale needs no OS keyboard and no reach across the screen. Its keys
 * are out of the Tab order (tabIndex -1): keyboard users type the same digits into the amount
 * field and press Enter, and Tab goes amount → method → order → Pay instead of through the keypad.
 * The Pay key submits the checkout form, so it is exactly the Pay button (same checks, no double
 * fire). It is a touch shortcut that duplicates the Pay button: hidden from assistive technology
 * (and out of the Tab order), so a screen reader finds one Pay button, with its reason, not two.
 */
export function Numpad({ onDigits, onBackspace, onClear, payLabel, extraKey }: Props) {
  const t = useT();
  const label: DigitLabel = (keys) => [...keys].map((d) => t.number(Number(d))).join('');
  return (
    <div className="numpad" role="group" aria-label={t.t('checkout.keypad.label')}>
      {DIGITS.slice(0, 3).map((d) => digitKey(d, onDigits, label))}
      <button type="button" tabIndex={-1} onClick={onBackspace} aria-label={t.t('common.pin.deleteDigit')}>
        {GLYPH.backspace}
      </button>
      {DIGITS.slice(3, 6).map((d) => digitKey(d, onDigits, label))}
      <button type="button" tabIndex={-1} onClick={onClear} aria-label={t.t('checkout.keypad.clearLabel')}>
        {t.t('checkout.keypad.clear')}
      </button>
      {DIGITS.slice(6).map((d) => digitKey(d, onDigits, label))}
      <button type="submit" tabIndex={-1} aria-hidden="true" className="primary numpad-pay">
        {payLabel}
      </button>
      <button type="button" tabIndex={-1} className="numpad-zero" onClick={() => onDigits('0')}>
        {label('0')}
      </button>
      {extraKey === '00' ? (
        digitKey('00', onDigits, label)
      ) : (
        <button type="button" tabIndex={-1} onClick={() => onDigits(extraKey)} aria-label={t.t('checkout.keypad.decimal')}>
          {extraKey}
        </button>
      )}
    </div>
  );
}

function digitKey(d: string, onDigits: (keys: string) => void, label: DigitLabel) {
  return (
    <button key={d} type="button" tabIndex={-1} onClick={() => onDigits(d)}>
      {label(d)}
    </button>
  );
}
