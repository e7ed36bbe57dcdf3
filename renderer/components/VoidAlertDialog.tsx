import { useEffect, useRef, type RefObject } from 'react';
import type { VoidAlert } from '../../shared/ipc';
import type { Translator } from '../../shared/i18n/translator';
import { useT } from '../i18n/useT';
import { useCommand } from '../hooks/useCommand';
import { useFocusTrap } from '../hooks/useFocusTrap';
import { useBridge, usePos } from '../store/context';
import { selectFirstVisibleAlert, selectOrder, selectTerminalLabel, selectVisibleAlertCount } from '../store/selectors';
import { alreadyPaidSentence, paidByAnother } from '../format/order';
import { formatDateTime } from '../format/time';
import { playAlertBeep } from './beep';
import { Fact } from './Fact';
import { GLYPH } from './glyphs';

/**
 * paymentVoided (money-safety rule 6): a full-window alert the cashier cannot miss or wave away.
 * One at a time, oldest first, "1 of N"; only the explicit acknowledgement closes it, and only
 * once the main process has recorded it (the alert leaves the queue through its event).
 */
export function VoidAlertDialog() {
  const t = useT();
  const alert = usePos(selectFirstVisibleAlert);
  const count = usePos(selectVisibleAlertCount);
  const markAcknowledged = usePos((s) => s.markAlertAcknowledged);
  const terminalLabel = usePos(selectTerminalLabel(alert?.terminalId ?? ''));
  // Rule 3 (the money-truth rules): what to tell the cashier follows the ORDER. If another attempt paid it,
  // "take the payment again" would charge the customer twice.
  const order = usePos(selectOrder(alert?.orderRef ?? ''));
  const terminalsById = usePos((s) => s.terminalsById);
  const bridge = useBridge();
  const ack = useCommand<{ done: true }>();
  const dialogRef = useRef<HTMLDivElement>(null);
  // Focus lands on the title, not on the button: an Enter the cashier was already pressing (to pay,
  // say) must not acknowledge an alert nobody has read.
  const titleRef = useRef<HTMLHeadingElement>(null);

  useFocusTrap(dialogRef, alert !== undefined);
  useAlertArrival(alert?.id, titleRef);

  if (!alert) return null;
  const amount = t.money(alert.amountMinor, alert.currency);
  const paidBy = paidByAnother(order, alert.transactionId);
  const labelOf = (id: string) => terminalsById[id]?.label ?? id;

  return (
    <div className="void-overlay">
      <div ref={dialogRef} className="void-dialog" role="alertdialog" aria-modal="true" aria-labelledby="void-title" aria-describedby="void-summary">
        <p className="void-count">{t.t('common.voidAlert.count', { current: 1, count })}</p>
        <h2 id="void-title" ref={titleRef} tabIndex={-1} data-focus-start>
          <span aria-hidden="true">{GLYPH.warn}</span>
          {paidBy ? t.t('common.voidAlert.paidTitle', { order: alert.orderRef }) : t.t('common.voidAlert.title')}
        </h2>
        {paidBy ? (
          <p id="void-summary" className="void-summary">
            <strong>{alreadyPaidSentence(alert.orderRef, paidBy, labelOf, t)}</strong> {t.t('common.voidAlert.paidLate', { amount, terminal: terminalLabel })}
          </p>
        ) : (
          <p id="void-summary" className="void-summary">
            {t.t('common.voidAlert.summary', { amount, order: alert.orderRef })}
          </p>
        )}
        <AlertFacts alert={alert} amount={amount} terminalLabel={terminalLabel} t={t} />
        {ack.error && (
          <p role="alert" className="error-text">
            {t.t('common.voidAlert.ackFailed', { error: ack.error })}
          </p>
        )}
        <button
          type="button"
          className="primary big"
          disabled={ack.busy}
          onClick={async () => {
            const id = alert.id;
            const result = await ack.run(() => bridge.acknowledgeAlert({ alertId: id }));
            if (result?.ok) markAcknowledged(id);
          }}
        >
          {t.t('common.voidAlert.acknowledge')}
        </button>
      </div>
    </div>
  );
}

/** Each new alert takes the focus (on its title) and beeps once; when the last goes, focus returns to the screen. */
function useAlertArrival(alertId: string | undefined, titleRef: RefObject<HTMLHeadingElement | null>): void {
  const beeped = useRef(new Set<string>());
  const hadAlert = useRef(false);
  useEffect(() => {
    if (!alertId) {
      // The last alert is gone: put the cashier back on the screen's heading, not on <body>.
      if (hadAlert.current) document.querySelector<HTMLElement>('main h1')?.focus();
      hadAlert.current = false;
      return;
    }
    hadAlert.current = true;
    titleRef.current?.focus();
    if (!beeped.current.has(alertId)) {
      beeped.current.add(alertId);
      playAlertBeep();
    }
  }, [alertId, titleRef]);
}

function AlertFacts({ alert, amount, terminalLabel, t }: { alert: VoidAlert; amount: string; terminalLabel: string; t: Translator }) {
  const { reasonMsg } = alert;
  // Standalone values keep their own direction in a right-to-left window (<bdi>).
  return (
    <dl className="facts">
      <Fact label={t.t('common.facts.amount')} value={amount} />
      <Fact label={t.t('common.facts.order')} value={alert.orderRef} />
      <Fact label={t.t('common.facts.terminal')} value={terminalLabel} />
      <dt>{t.t('common.facts.time')}</dt>
      <dd>{formatDateTime(alert.at)}</dd>
      <Fact label={t.t('common.facts.reason')} value={t.say(reasonMsg, alert.reason)} />
      <Fact label={t.t('common.facts.transaction')} value={alert.transactionId} mono />
    </dl>
  );
}
