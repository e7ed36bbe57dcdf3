/**
 * The on-screen PIN pad for touch tills. Its keys add to the PIN field beside it; keyboard users
 * type into that field instead, so the keys stay out of the Tab order (like the checkout keypad).
 */
export function PinPad({ onDigit, onDelete, label }: { onDigit(d: string): void; onDelete(): void; label: string }) {
  return (
    <div className="numpad pin-pad" role="group" aria-label={label}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button key={d} type="button" tabIndex={-1} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" tabIndex={-1} onClick={onDelete} aria-label="Delete last digit">
        ⌫
      </button>
      <button type="button" tabIndex={-1} onClick={() => onDigit('0')}>
        0
      </button>
    </div>
  );
}

/** Keeps a PIN field to digits, at most 8. */
export function pinDigits(value: string): string {
  return value.replace(/\D/g, '').slice(0, 8);
}
