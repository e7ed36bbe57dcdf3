import { memo } from 'react';
import type { TerminalView } from '../../../shared/ipc';
import { StatusIcon, type Tone } from '../../components/StatusIcon';
import { useNow } from '../../hooks/useNow';
import { secondsUntil } from '../../format/time';
import { usePos } from '../../store/context';
import { selectGatewayOnline, selectTerminal } from '../../store/selectors';

interface Props {
  id: string;
  checked: boolean;
  onSelect(id: string): void;
}

/** The card's status in words. Without the gateway link the register does not know any terminal's state. */
function statusOf(terminal: TerminalView, gatewayOnline: boolean): { tone: Tone; status: string } {
  if (!gatewayOnline) return { tone: 'info', status: 'Unknown — gateway offline' };
  if (terminal.presence === 'reconnecting') return { tone: 'warn', status: 'Reconnecting' };
  if (terminal.presence === 'offline') return { tone: 'bad', status: 'Offline' };
  if (terminal.openPaymentId !== undefined) return { tone: 'busy', status: 'Busy with a payment' };
  if (terminal.payable) return { tone: 'ok', status: 'Ready' };
  return { tone: 'warn', status: 'Not available' };
}

/**
 * The seconds left for a reconnecting terminal. Its own component so that only cards showing a
 * countdown run a timer (500 cards each ticking every second cost 500 renders a second).
 */
function GraceCountdown({ graceEndsAt }: { graceEndsAt: number }) {
  const now = useNow(1000);
  return <> — {secondsUntil(graceEndsAt, now)} s left</>;
}

/** One terminal in the picker: its live status in words, disabled with the reason when unpayable. */
export const TerminalOption = memo(function TerminalOption({ id, checked, onSelect }: Props) {
  const terminal = usePos(selectTerminal(id));
  const gatewayOnline = usePos(selectGatewayOnline);
  if (!terminal) return null;
  const busy = terminal.openPaymentId !== undefined;
  const { tone, status } = statusOf(terminal, gatewayOnline);
  const graceEndsAt = gatewayOnline && terminal.presence === 'reconnecting' ? terminal.graceEndsAt : undefined;
  const disabled = !terminal.payable || busy;
  const reasonId = `terminal-reason-${id}`;
  return (
    <label className={`terminal-option tone-${tone}${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`}>
      <input type="radio" name="terminal" value={id} checked={checked} disabled={disabled} onChange={() => onSelect(id)} aria-describedby={reasonId} />
      <span className="terminal-label">{terminal.label}</span>
      <span className="terminal-status" id={reasonId}>
        <StatusIcon tone={tone} /> {status}
        {graceEndsAt !== undefined && <GraceCountdown graceEndsAt={graceEndsAt} />}
        {disabled && terminal.notPayableReason && <span className="terminal-reason"> — {terminal.notPayableReason}</span>}
      </span>
    </label>
  );
});
