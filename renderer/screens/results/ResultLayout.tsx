import type { ReactNode } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { StatusIcon, type Tone } from '../../components/StatusIcon';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { formatMoney } from '../../format/money';
import { formatClock } from '../../format/time';
import { usePos } from '../../store/context';
import { selectTerminalLabel } from '../../store/selectors';
import { ResultActions } from './ResultActions';

interface Props {
  payment: PaymentView;
  tone: Tone;
  title: string;
  /** The label of the button that pays this order again (a new transactionId), if offered. */
  retry?: string;
  /** Hide "New payment" until the cashier has dealt with this one (unknown outcome). */
  hideActions?: boolean;
  children?: ReactNode;
}

/** The frame every result shares: icon + words + colour, the facts, then what to do next. */
export function ResultLayout({ payment, tone, title, retry, hideActions = false, children }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(payment.state);
  const terminal = usePos(selectTerminalLabel(payment.terminalId));
  return (
    <section className={`result result-${tone}`} aria-labelledby="result-title" data-state={payment.state}>
      <h1 id="result-title" ref={headingRef} tabIndex={-1}>
        <StatusIcon tone={tone} /> {title}
      </h1>
      <p className="result-amount">{formatMoney(payment.amountMinor, payment.currency)}</p>
      {children}
      <dl className="facts">
        <dt>Order</dt>
        <dd>{payment.orderRef}</dd>
        <dt>Terminal</dt>
        <dd>{terminal}</dd>
        <dt>Time</dt>
        <dd>{formatClock(payment.updatedAt)}</dd>
        <dt>Transaction</dt>
        <dd className="mono">{payment.transactionId}</dd>
      </dl>
      {!hideActions && <ResultActions retry={retry} />}
    </section>
  );
}
