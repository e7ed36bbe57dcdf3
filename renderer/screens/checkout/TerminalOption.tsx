import { useNow } from '../../hooks/useNow';
import { secondsUntil } from '../../format/time';
import { StatusIcon, type Tone } from '../../components/StatusIcon';
import { usePos } from '../../store/context';
import { selectTerminal } from '../../store/selectors';

interface Props {
  id: string;
  checked: boolean;
  onSelect(id: string): void;
}

/** One terminal in the picker: its live status in words, disabled with the reason when unpayable. */
export function TerminalOption({ id, checked, onSelect }: Props) {
  const terminal = usePos(selectTerminal(id));
  const now = useNow(1000);
  if (!terminal) return null;
  const busy = terminal.openPaymentId !== undefined;
  let tone: Tone;
  let status: string;
  if (terminal.presence === 'reconnecting') {
    tone = 'warn';
    const left = terminal.graceEndsAt !== undefined ? secondsUntil(terminal.graceEndsAt, now) : undefined;
    status = left !== undefined ? `Reconnecting — ${left} s left` : 'Reconnecting';
  } else if (terminal.presence === 'offline') {
    tone = 'bad';
    status = 'Offline';
  } else if (busy) {
    tone = 'busy';
    status = 'Busy with a payment';
  } else if (terminal.payable) {
    tone = 'ok';
    status = 'Ready';
  } else {
    tone = 'warn';
    status = 'Not available';
  }
  const disabled = !terminal.payable || busy;
  const reasonId = `terminal-reason-${id}`;
  return (
    <label className={`terminal-option tone-${tone}${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`}>
      <input
        type="radio"
        name="terminal"
        value={id}
        checked={checked}
        disabled={disabled}
        onChange={() => onSelect(id)}
        aria-describedby={reasonId}
      />
      <span className="terminal-label">{terminal.label}</span>
      <span className="terminal-status" id={reasonId}>
        <StatusIcon tone={tone} /> {status}
        {disabled && terminal.notPayableReason && <span className="terminal-reason"> — {terminal.notPayableReason}</span>}
      </span>
    </label>
  );
}
