import { memo } from 'react';
import type { TerminalView } from '../../../shared/ipc';
import { StatusIcon, type Tone } from '../../components/StatusIcon';
import { useTimeLeft } from '../../hooks/useTimeLeft';
import { secondsLeft } from '../../format/time';
import { usePos } from '../../store/context';
import { selectGatewayOnline, selectTerminal } from '../../store/selectors';
import type { Translator } from '../../../shared/i18n/translator';
import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

interface Props {
  id: string;
  checked: boolean;
  onSelect(id: string): void;
}

/** The card's status in words. Without the gateway link the register does not know any terminal's state. */
function statusOf(terminal: TerminalView, gatewayOnline: boolean, t: Translator): { tone: Tone; status: string } {
  const status = (key: string) => t.t(`checkout.terminal.${key}`);
  if (!gatewayOnline) return { tone: 'info', status: status('unknown') };
  if (terminal.presence === 'reconnecting') return { tone: 'warn', status: status('reconnecting') };
  if (terminal.presence === 'offline') return { tone: 'bad', status: status('offline') };
  if (terminal.openPaymentId !== undefined) return { tone: 'busy', status: status('busy') };
  if (terminal.payable) return { tone: 'ok', status: status('ready') };
  return { tone: 'warn', status: status('notAvailable') };
}

/**
 * The seconds left for a reconnecting terminal. Its own component so that only cards showing a
 * countdown run a timer (500 cards each ticking every second cost 500 renders a second).
 */
function GraceCountdown({ graceEndsAt }: { graceEndsAt: number }) {
  const t = useT();
  const msLeft = useTimeLeft();
  return (
    <>
      {GLYPH.dash}
      {t.t('checkout.terminal.secondsLeft', { seconds: secondsLeft(msLeft(graceEndsAt)) })}
    </>
  );
}

/** One terminal in the picker: its live status in words, disabled with the reason when unpayable. */
export const TerminalOption = memo(function TerminalOption({ id, checked, onSelect }: Props) {
  const t = useT();
  const terminal = usePos(selectTerminal(id));
  const gatewayOnline = usePos(selectGatewayOnline);
  if (!terminal) return null;
  const busy = terminal.openPaymentId !== undefined;
  const { tone, status } = statusOf(terminal, gatewayOnline, t);
  const notPayableReason = t.say(terminal.notPayableReasonMsg, terminal.notPayableReason);
  const graceEndsAt = gatewayOnline && terminal.presence === 'reconnecting' ? terminal.graceEndsAt : undefined;
  const disabled = !terminal.payable || busy;
  const reasonId = `terminal-reason-${id}`;
  return (
    <label className={`terminal-option tone-${tone}${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`}>
      <input type="radio" name="terminal" value={id} checked={checked} disabled={disabled} onChange={() => onSelect(id)} aria-describedby={reasonId} />
      <span className="terminal-label">
        <bdi>{terminal.label}</bdi>
      </span>
      <span className="terminal-status" id={reasonId}>
        <StatusIcon tone={tone} /> {status}
        {graceEndsAt !== undefined && <GraceCountdown graceEndsAt={graceEndsAt} />}
        {disabled && notPayableReason && (
          <span className="terminal-reason">
            {GLYPH.dash}
            {notPayableReason}
          </span>
        )}
      </span>
    </label>
  );
});
