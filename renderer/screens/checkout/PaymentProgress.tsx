import type { PaymentView, TerminalView } from '../../../shared/ipc';
import { StatusIcon } from '../../components/StatusIcon';
import { PLEASE_WAIT, TellCustomer } from '../../components/TellCustomer';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useTimeLeft } from '../../hooks/useTimeLeft';
import type { Translator } from '../../../shared/i18n/translator';
import { useT } from '../../i18n/useT';
import { formatDuration, secondsLeft } from '../../format/time';
import { usePos } from '../../store/context';
import { selectTerminal } from '../../store/selectors';
import { WaitingActions } from './WaitingActions';
import { Fact } from '../../components/Fact';

interface Props {
  transactionId: string;
  payment: PaymentView | undefined;
}

type Stage = 'sending' | 'terminal' | 'reconnecting' | 'pending';

/** The stages shown as steps (words: `checkout.progress.stage.<stage>`). */
const STAGES: Stage[] = ['sending', 'terminal', 'pending'];

/**
 * What is happening with the payment right now, what the cashier should do and what to tell the
 * customer (till: one countdown). The frame is already on the wire once the payment has a view, so
 * "sent" asks for the card at once. One countdown only: the next moment something happens —
 * the terminal's reconnect grace running out, or this till giving up waiting.
 */
export function PaymentProgress({ transactionId, payment }: Props) {
  const t = useT();
  const terminal = usePos(selectTerminal(payment?.terminalId ?? ''));
  const msLeft = useTimeLeft();
  const stage = stageOf(payment);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(stage);
  const terminalName = terminal?.label ?? payment?.terminalId ?? t.t('checkout.progress.theTerminal');
  const { title, todo, tell } = words(t, stage, terminalName, reconnectLeft(payment, terminal, msLeft));

  return (
    <section className="progress" aria-labelledby="progress-title">
      <h1 id="progress-title" ref={headingRef} tabIndex={-1}>
        <StatusIcon tone={stage === 'reconnecting' ? 'warn' : 'busy'} /> {title}
      </h1>
      <ol className="stages" aria-label={t.t('checkout.progress.stages')}>
        {STAGES.map((s) => (
          <li key={s} aria-current={s === stage || (stage === 'reconnecting' && s === 'terminal') ? 'step' : undefined}>
            {t.t(`checkout.progress.stage.${s}`)}
          </li>
        ))}
      </ol>
      <p className="todo">
        <strong>{t.t('results.whatNow')} </strong>
        {todo}
      </p>
      <TellCustomer words={tell} />
      {payment && (
        <dl className="facts">
          <Fact label={t.t('common.facts.amount')} value={t.money(payment.amountMinor, payment.currency)} />
          <Fact label={t.t('common.facts.order')} value={payment.orderRef} />
          <Fact label={t.t('common.facts.terminal')} value={terminalName} />
          {/* The reconnect countdown is in the title then; a second clock would disagree with it. */}
          {stage !== 'reconnecting' && payment.deadlineAt !== undefined && (
            <>
              <dt>{t.t('checkout.progress.keepsWaiting')}</dt>
              <dd>{formatDuration(msLeft(payment.deadlineAt))}</dd>
            </>
          )}
        </dl>
      )}
      {payment && <WaitingActions payment={payment} terminalName={terminalName} />}
      <p className="hint mono">{t.t('checkout.progress.transaction', { id: transactionId })}</p>
    </section>
  );
}

function stageOf(payment: PaymentView | undefined): Stage {
  if (!payment) return 'sending';
  if (payment.state === 'terminal_reconnecting') return 'reconnecting';
  return payment.pendingSeen ? 'pending' : 'terminal';
}

/** Seconds until the first of the grace end and this till's deadline: what happens next. */
function reconnectLeft(payment: PaymentView | undefined, terminal: TerminalView | undefined, msLeft: (at: number) => number): number | undefined {
  const left = [terminal?.graceEndsAt, payment?.deadlineAt].filter((t): t is number => t !== undefined).map(msLeft);
  return left.length > 0 ? secondsLeft(Math.min(...left)) : undefined;
}

/** The stage's title and what to do, and the catalogue key of what to tell the customer. */
function words(t: Translator, stage: Stage, terminalName: string, left: number | undefined): { title: string; todo: string; tell: string } {
  switch (stage) {
    case 'sending':
      return { title: t.t('checkout.progress.sending.title'), todo: t.t('checkout.progress.sending.todo'), tell: 'checkout.progress.sending.tell' };
    case 'terminal':
      return {
        title: t.t('checkout.progress.terminal.title'),
        todo: t.t('checkout.progress.terminal.todo', { terminal: terminalName }),
        tell: 'checkout.progress.terminal.tell',
      };
    case 'pending':
      return { title: t.t('checkout.progress.pending.title'), todo: t.t('checkout.progress.pending.todo'), tell: PLEASE_WAIT };
    case 'reconnecting':
      return {
        title: left !== undefined ? t.t('checkout.progress.reconnecting.titleLeft', { seconds: left }) : t.t('checkout.progress.reconnecting.title'),
        todo: t.t('checkout.progress.reconnecting.todo'),
        tell: PLEASE_WAIT,
      };
  }
}
