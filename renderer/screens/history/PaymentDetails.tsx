import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { StatusBadge } from '../../components/StatusBadge';
import { declineAdvice } from '../../format/decline';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { usePos } from '../../store/context';
import { selectTerminalLabel } from '../../store/selectors';
import { methodLabel } from '../end-of-day/labels';
import { PaymentLines } from './PaymentLines';

export function PaymentDetails({ payment, onClose }: { payment: PaymentView; onClose(): void }) {
  const t = useT();
  const money = (minor: number) => t.money(minor, payment.currency);
  const terminal = usePos(selectTerminalLabel(payment.terminalId));
  const headingRef = useFocusOnMount<HTMLHeadingElement>(payment.transactionId);
  return (
    <section className="details" aria-labelledby="details-title">
      <h2 id="details-title" ref={headingRef} tabIndex={-1}>
        {t.t('history.details.title', { order: payment.orderRef })}
      </h2>
      <StatusBadge state={payment.state} />
      <dl className="facts">
        <dt>{t.t('history.details.amount')}</dt>
        <dd>
          <bdi>{money(payment.amountMinor)}</bdi>
        </dd>
        <dt>{t.t('history.details.method')}</dt>
        <dd>{methodLabel(t, payment.paymentMethod)}</dd>
        {payment.cash && (
          <>
            <dt>{t.t('history.details.tendered')}</dt>
            <dd>
              <bdi>{money(payment.cash.tenderedMinor)}</bdi>
            </dd>
            <dt>{t.t('history.details.change')}</dt>
            <dd>
              <bdi>{money(payment.cash.changeMinor)}</bdi>
            </dd>
          </>
        )}
        <dt>{t.t('history.details.terminal')}</dt>
        <dd>
          <bdi>{terminal}</bdi>
        </dd>
        <dt>{t.t('history.details.started')}</dt>
        <dd>{t.dateTime(payment.createdAt)}</dd>
        <dt>{t.t('history.details.last_change')}</dt>
        <dd>{t.dateTime(payment.updatedAt)}</dd>
        {payment.authorizationCode && (
          <>
            <dt>{t.t('history.details.auth_code')}</dt>
            <dd className="mono">{payment.authorizationCode}</dd>
          </>
        )}
        <WhatHappened payment={payment} />
        <WhoDidIt payment={payment} />
        <dt>{t.t('history.details.transaction')}</dt>
        <dd className="mono">{payment.transactionId}</dd>
      </dl>
      <PaymentLines lines={payment.lines} currency={payment.currency} />
      {payment.state === 'approved' && <ReceiptActions payment={payment} />}
      <button type="button" className="secondary" onClick={onClose}>
        {t.t('history.details.close')}
      </button>
    </section>
  );
}

/** Why it ended as it did: the decline, the gateway's code, the core's detail, a void, a settlement. */
function WhatHappened({ payment }: { payment: PaymentView }) {
  const t = useT();
  return (
    <>
      {payment.state === 'declined' && (
        <>
          <dt>{t.t('history.details.why')}</dt>
          <dd>{declineAdvice(payment.errorCode, payment.errorMessage).message}</dd>
        </>
      )}
      {(payment.errorCode || payment.errorMessage) && (
        <>
          <dt>{t.t('history.details.gateway_code')}</dt>
          <dd className="mono">{[payment.errorCode, payment.errorMessage].filter(Boolean).join(' — ')}</dd>
        </>
      )}
      {(payment.detailMsg || payment.detail) && (
        <>
          <dt>{t.t('history.details.detail')}</dt>
          <dd>{t.say(payment.detailMsg, payment.detail)}</dd>
        </>
      )}
      {payment.voidReason && (
        <>
          <dt>{t.t('history.details.void_reason')}</dt>
          <dd>{payment.voidReason}</dd>
        </>
      )}
      {payment.resolution && (
        <>
          <dt>{t.t('history.details.resolved_by')}</dt>
          <dd>
            {t.t(`history.resolution.${payment.resolution.by}`)}
            {payment.resolution.reasonMsg || payment.resolution.reason
              ? t.t('history.details.more', { text: t.say(payment.resolution.reasonMsg, payment.resolution.reason) })
              : ''}
            {payment.resolution.cashier ? t.t('history.details.by_whom', { name: payment.resolution.cashier.name }) : ''}
          </dd>
        </>
      )}
    </>
  );
}

/** People: who took the attempt and which manager approved a settlement by hand. */
function WhoDidIt({ payment }: { payment: PaymentView }) {
  const t = useT();
  return (
    <>
      {payment.resolution?.approvedBy && (
        <>
          <dt>{t.t('history.details.approved_by')}</dt>
          <dd>{payment.resolution.approvedBy.name}</dd>
        </>
      )}
      {payment.cashier && (
        <>
          <dt>{t.t('history.details.cashier')}</dt>
          <dd>{payment.cashier.name}</dd>
        </>
      )}
    </>
  );
}
