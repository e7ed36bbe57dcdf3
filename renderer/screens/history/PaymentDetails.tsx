import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { StatusBadge } from '../../components/StatusBadge';
import { declineAdvice } from '../../format/decline';
import { formatMoney } from '../../format/money';
import { formatDateTime } from '../../format/time';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { usePos } from '../../store/context';
import { selectTerminalLabel } from '../../store/selectors';
import { METHOD_LABELS } from '../checkout/MethodPicker';
import { PaymentLines } from './PaymentLines';

export function PaymentDetails({ payment, onClose }: { payment: PaymentView; onClose(): void }) {
  const terminal = usePos(selectTerminalLabel(payment.terminalId));
  const headingRef = useFocusOnMount<HTMLHeadingElement>(payment.transactionId);
  return (
    <section className="details" aria-labelledby="details-title">
      <h2 id="details-title" ref={headingRef} tabIndex={-1}>
        Payment for order {payment.orderRef}
      </h2>
      <StatusBadge state={payment.state} />
      <dl className="facts">
        <dt>Amount</dt>
        <dd>{formatMoney(payment.amountMinor, payment.currency)}</dd>
        <dt>Method</dt>
        <dd>{METHOD_LABELS[payment.paymentMethod]}</dd>
        {payment.cash && (
          <>
            <dt>Tendered</dt>
            <dd>{formatMoney(payment.cash.tenderedMinor, payment.currency)}</dd>
            <dt>Change</dt>
            <dd>{formatMoney(payment.cash.changeMinor, payment.currency)}</dd>
          </>
        )}
        <dt>Terminal</dt>
        <dd>{terminal}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(payment.createdAt)}</dd>
        <dt>Last change</dt>
        <dd>{formatDateTime(payment.updatedAt)}</dd>
        {payment.authorizationCode && (
          <>
            <dt>Authorization code</dt>
            <dd className="mono">{payment.authorizationCode}</dd>
          </>
        )}
        {payment.state === 'declined' && (
          <>
            <dt>Why</dt>
            <dd>{declineAdvice(payment.errorCode, payment.errorMessage).message}</dd>
          </>
        )}
        {(payment.errorCode || payment.errorMessage) && (
          <>
            <dt>Gateway code</dt>
            <dd className="mono">{[payment.errorCode, payment.errorMessage].filter(Boolean).join(' — ')}</dd>
          </>
        )}
        {payment.detail && (
          <>
            <dt>Detail</dt>
            <dd>{payment.detail}</dd>
          </>
        )}
        {payment.voidReason && (
          <>
            <dt>Void reason</dt>
            <dd>{payment.voidReason}</dd>
          </>
        )}
        {payment.resolution && (
          <>
            <dt>Resolved by</dt>
            <dd>
              {payment.resolution.by}
              {payment.resolution.reason ? ` — ${payment.resolution.reason}` : ''}
              {payment.resolution.cashier ? ` (${payment.resolution.cashier.name})` : ''}
            </dd>
          </>
        )}
        <WhoDidIt payment={payment} />
        <dt>Transaction</dt>
        <dd className="mono">{payment.transactionId}</dd>
      </dl>
      <PaymentLines lines={payment.lines} currency={payment.currency} />
      {payment.state === 'approved' && <ReceiptActions payment={payment} />}
      <button type="button" className="secondary" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}

/** People: who took the attempt and which manager approved a settlement by hand. */
function WhoDidIt({ payment }: { payment: PaymentView }) {
  return (
    <>
      {payment.resolution?.approvedBy && (
        <>
          <dt>Approved by</dt>
          <dd>{payment.resolution.approvedBy.name}</dd>
        </>
      )}
      {payment.cashier && (
        <>
          <dt>Cashier</dt>
          <dd>{payment.cashier.name}</dd>
        </>
      )}
    </>
  );
}
