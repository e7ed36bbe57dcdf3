interface Props {
  onDigits(keys: string): void;
  onBackspace(): void;
  onClear(): void;
}

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '00'];

/** On-screen keypad for touch screens; the keyboard works the same through the amount field. */
export function Numpad({ onDigits, onBackspace, onClear }: Props) {
  return (
    <div className="numpad" role="group" aria-label="Keypad">
      {DIGITS.map((d) => (
        <button key={d} type="button" onClick={() => onDigits(d)}>
          {d}
        </button>
      ))}
      <button type="button" onClick={onBackspace} aria-label="Delete last digit">
        ⌫
      </button>
      <button type="button" className="numpad-clear" onClick={onClear} aria-label="Clear amount">
        Clear
      </button>
    </div>
  );
}
