import type { PaymentView, TerminalView } from '../../../shared/ipc';
import { StatusIcon } from '../../components/StatusIcon';
import { PLEASE_WAIT, TellCustomer } from '../../components/TellCustomer';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useNow } from '../../hooks/useNow';
import { formatMoney } from '../../format/money';
import { formatDuration, secondsUntil } from '../../format/time';
import { usePos } from '../../store/context';
import { selectTerminal } from '../../store/selectors';
import { WaitingActions } from './WaitingActions';

interface Props {
  transactionId: string;
  payment: PaymentView | undefined;
}

type Stage = 'sending' | 'terminal' | 'reconnecting' | 'pending';

const STAGES: { stage: Stage; label: string }[] = [
  { stage: 'sending', label: 'Sent' },
  { stage: 'terminal', label: 'On the terminal' },
  { stage: 'pending', label: 'Processing' },
];

/**
 * What is happening with the payment right now, what the cashier should do and what to tell the
 * customer (till: one countdown). The frame is already on the wire once the payment has a view, so
 * "sent" asks for the card at once. One countdown only: the next moment something happens —
 * the terminal's reconnect grace running out, or this till giving up waiting.
 */
export function PaymentProgress({ transactionId, payment }: Props) {
  const terminal = usePos(selectTerminal(payment?.terminalId ?? ''));
  const now = useNow(1000);
  const stage = stageOf(payment);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(stage);
  const terminalName = terminal?.label ?? payment?.terminalId ?? 'the terminal';
  const { title, todo, tell } = words(stage, terminalName, reconnectLeft(payment, terminal, now));

  return (
    <section className="progress" aria-labelledby="progress-title">
      <h1 id="progress-title" ref={headingRef} tabIndex={-1}>
        <StatusIcon tone={stage === 'reconnecting' ? 'warn' : 'busy'} /> {title}
      </h1>
      <ol className="stages" aria-label="Payment stages">
        {STAGES.map((s) => (
          <li key={s.stage} aria-current={s.stage === stage || (stage === 'reconnecting' && s.stage === 'terminal') ? 'step' : undefined}>
            {s.label}
          </li>
        ))}
      </ol>
      <p className="todo">
        <strong>What to do now: </strong>
        {todo}
      </p>
      <TellCustomer words={tell} />
      {payment && (
        <dl className="facts">
          <dt>Amount</dt>
          <dd>{formatMoney(payment.amountMinor, payment.currency)}</dd>
          <dt>Order</dt>
          <dd>{payment.orderRef}</dd>
          <dt>Terminal</dt>
          <dd>{terminalName}</dd>
          {/* The reconnect countdown is in the title then; a second clock would disagree with it. */}
          {stage !== 'reconnecting' && payment.deadlineAt !== undefined && (
            <>
              <dt>Keeps waiting</dt>
              <dd>{formatDuration(payment.deadlineAt - now)}</dd>
            </>
          )}
        </dl>
      )}
      {payment && <WaitingActions payment={payment} terminalName={terminalName} />}
      <p className="hint mono">Transaction {transactionId}</p>
    </section>
  );
}

function stageOf(payment: PaymentView | undefined): Stage {
  if (!payment) return 'sending';
  if (payment.state === 'terminal_reconnecting') return 'reconnecting';
  return payment.pendingSeen ? 'pending' : 'terminal';
}

/** Seconds until the first of the grace end and this till's deadline: what happens next. */
function reconnectLeft(payment: PaymentView | undefined, terminal: TerminalView | undefined, now: number): number | undefined {
  const ends = [terminal?.graceEndsAt, payment?.deadlineAt].filter((t): t is number => t !== undefined);
  return ends.length > 0 ? secondsUntil(Math.min(...ends), now) : undefined;
}

function words(stage: Stage, terminalName: string, left: number | undefined): { title: string; todo: string; tell: string } {
  switch (stage) {
    case 'sending':
      return { title: 'Sending the payment to the terminal…', todo: 'Wait a moment. Do not start another payment.', tell: '"One moment, please."' };
    case 'terminal':
      return {
        title: 'On the terminal — waiting for the customer',
        todo: `Ask the customer to tap, insert or swipe their card on "${terminalName}" and follow the terminal's screen.`,
        tell: '"Please tap, insert or swipe your card on the terminal."',
      };
    case 'pending':
      return {
        title: 'Processing — the terminal is still working on it',
        todo: 'Keep waiting. Do not give the card back or start another payment.',
        tell: PLEASE_WAIT,
      };
    case 'reconnecting':
      return {
        title: left !== undefined ? `Terminal reconnecting — ${left} s left` : 'Terminal reconnecting',
        todo: 'The terminal lost its connection. Keep the customer here and wait. Do not start another payment.',
        tell: PLEASE_WAIT,
      };
  }
}
