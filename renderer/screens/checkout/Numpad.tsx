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
  return (
    <div className="numpad" role="group" aria-label="Keypad">
      {DIGITS.slice(0, 3).map((d) => digitKey(d, onDigits))}
      <button type="button" tabIndex={-1} onClick={onBackspace} aria-label="Delete last digit">
        ⌫
      </button>
      {DIGITS.slice(3, 6).map((d) => digitKey(d, onDigits))}
      <button type="button" tabIndex={-1} onClick={onClear} aria-label="Clear amount">
        Clear
      </button>
      {DIGITS.slice(6).map((d) => digitKey(d, onDigits))}
      <button type="submit" tabIndex={-1} aria-hidden="true" className="primary numpad-pay">
        {payLabel}
      </button>
      <button type="button" tabIndex={-1} className="numpad-zero" onClick={() => onDigits('0')}>
        0
      </button>
      {extraKey === '00' ? (
        digitKey('00', onDigits)
      ) : (
        <button type="button" tabIndex={-1} onClick={() => onDigits(extraKey)} aria-label="Decimal separator">
          {extraKey}
        </button>
      )}
    </div>
  );
}

function digitKey(d: string, onDigits: (keys: string) => void) {
  return (
    <button key={d} type="button" tabIndex={-1} onClick={() => onDigits(d)}>
      {d}
    </button>
  );
}
