import type { ReactNode } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { StatusIcon, type Tone } from '../../components/StatusIcon';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { formatClock } from '../../format/time';
import { usePos } from '../../store/context';
import { selectTerminalLabel } from '../../store/selectors';
import { ResultActions } from './ResultActions';
import { useT } from '../../i18n/useT';
import { Fact } from '../../components/Fact';

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
  const t = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>(payment.state);
  const terminal = usePos(selectTerminalLabel(payment.terminalId));
  return (
    <section className={`result result-${tone}`} aria-labelledby="result-title" data-state={payment.state}>
      <h1 id="result-title" ref={headingRef} tabIndex={-1}>
        <StatusIcon tone={tone} /> {title}
      </h1>
      <p className="result-amount">
        <bdi>{t.money(payment.amountMinor, payment.currency)}</bdi>
      </p>
      {children}
      <dl className="facts">
        <Fact label={t.t('common.facts.order')} value={payment.orderRef} />
        <Fact label={t.t('common.facts.terminal')} value={terminal} />
        <dt>{t.t('common.facts.time')}</dt>
        <dd>{formatClock(payment.updatedAt)}</dd>
        <Fact label={t.t('common.facts.transaction')} value={payment.transactionId} mono />
      </dl>
      {!hideActions && <ResultActions retry={retry} />}
    </section>
  );
}
