interface Props {
  onDigits(keys: string): void;
  onBackspace(): void;
  onClear(): void;
}

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '00'];

/**
 * On-screen keypad for touch screens. Its keys are out of the Tab order (tabIndex -1): keyboard
 * users type the same digits into the amount field, and Tab goes amount → method → order → Pay
 * instead of through twelve keypad buttons.
 */
export function Numpad({ onDigits, onBackspace, onClear }: Props) {
  return (
    <div className="numpad" role="group" aria-label="Keypad">
      {DIGITS.map((d) => (
        <button key={d} type="button" tabIndex={-1} onClick={() => onDigits(d)}>
          {d}
        </button>
      ))}
      <button type="button" tabIndex={-1} onClick={onBackspace} aria-label="Delete last digit">
        ⌫
      </button>
      <button type="button" tabIndex={-1} className="numpad-clear" onClick={onClear} aria-label="Clear amount">
        Clear
      </button>
    </div>
  );
}
