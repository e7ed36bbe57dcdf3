import type { PaymentView } from '../../../shared/ipc';
import { StatusIcon } from '../../components/StatusIcon';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useNow } from '../../hooks/useNow';
import { formatMoney } from '../../format/money';
import { formatDuration, secondsUntil } from '../../format/time';
import { usePos } from '../../store/context';
import { selectTerminal } from '../../store/selectors';

interface Props {
  transactionId: string;
  payment: PaymentView | undefined;
}

type Stage = 'sent' | 'terminal' | 'reconnecting' | 'pending';

const STAGES: { stage: Stage; label: string }[] = [
  { stage: 'sent', label: 'Sent' },
  { stage: 'terminal', label: 'On the terminal' },
  { stage: 'pending', label: 'Processing' },
];

/** What is happening with the payment right now and what the cashier should do. */
export function PaymentProgress({ transactionId, payment }: Props) {
  const terminal = usePos(selectTerminal(payment?.terminalId ?? ''));
  const now = useNow(1000);
  const stage: Stage = !payment || payment.state === 'sent'
    ? 'sent'
    : payment.state === 'terminal_reconnecting'
      ? 'reconnecting'
      : payment.pendingSeen
        ? 'pending'
        : 'terminal';
  const headingRef = useFocusOnMount<HTMLHeadingElement>(stage);
  const terminalName = terminal?.label ?? payment?.terminalId ?? 'the terminal';

  let title: string;
  let todo: string;
  switch (stage) {
    case 'sent':
      title = 'Sending the payment to the terminal…';
      todo = 'Wait a moment. Do not start another payment.';
      break;
    case 'terminal':
      title = `On the terminal — waiting for the customer`;
      todo = `Ask the customer to tap, insert or swipe their card on "${terminalName}" and follow the terminal's screen.`;
      break;
    case 'pending':
      title = 'Processing — the terminal is still working on it';
      todo = 'Keep waiting. Do not give the card back or start another payment.';
      break;
    case 'reconnecting': {
      const left = terminal?.graceEndsAt !== undefined ? secondsUntil(terminal.graceEndsAt, now) : undefined;
      title = left !== undefined ? `Terminal reconnecting — ${left} s left` : 'Terminal reconnecting';
      todo = 'The terminal lost its connection. Keep the customer here and wait. Do not start another payment.';
      break;
    }
  }

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
      {payment && (
        <dl className="facts">
          <dt>Amount</dt>
          <dd>{formatMoney(payment.amountMinor, payment.currency)}</dd>
          <dt>Order</dt>
          <dd>{payment.orderRef}</dd>
          <dt>Terminal</dt>
          <dd>{terminalName}</dd>
          <dt>Elapsed</dt>
          <dd>{formatDuration(now - payment.createdAt)}</dd>
          {payment.deadlineAt !== undefined && (
            <>
              <dt>Stop waiting in</dt>
              <dd>{formatDuration(payment.deadlineAt - now)}</dd>
            </>
          )}
        </dl>
      )}
      <p className="hint mono">Transaction {transactionId}</p>
    </section>
  );
}
