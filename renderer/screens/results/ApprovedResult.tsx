import type { PaymentView } from '../../../shared/ipc';
import { ReceiptActions } from '../../components/ReceiptActions';
import { approvalPhrase } from '../../format/order';
import { usePos } from '../../store/context';
import { selectOrder } from '../../store/selectors';
import { ResultLayout } from './ResultLayout';
import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

export function ApprovedResult({ payment }: { payment: PaymentView }) {
  const t = useT();
  const autoPrint = usePos((s) => s.settings?.autoPrint ?? false);
  const order = usePos(selectOrder(payment.orderRef));
  const terminalsById = usePos((s) => s.terminalsById);
  const label = (id: string) => terminalsById[id]?.label ?? id;
  return (
    <ResultLayout payment={payment} tone="ok" title={t.t('results.approved.title')}>
      {order?.status === 'paid_more_than_once' && (
        <p className="warning" role="alert">
          {t.t('results.approved.paidTwice', {
            order: order.orderRef,
            count: order.approvals.length,
            approvals: order.approvals.map((a) => approvalPhrase(a, label, t)).join(t.t('results.listSeparator')),
          })}
        </p>
      )}
      <p className="result-message">
        {t.t('results.approved.authCode')}
        {GLYPH.space}
        <strong className="mono">
          <bdi>{payment.authorizationCode ?? t.t('results.approved.noAuthCode')}</bdi>
        </strong>
      </p>
      {payment.resolution?.by === 'cashier' && (
        <p className="hint">{t.t('results.approved.byCashier', { reason: t.say(payment.resolution.reasonMsg, payment.resolution.reason) })}</p>
      )}
      <ReceiptActions payment={payment} autoPrint={autoPrint} shortcut />
    </ResultLayout>
  );
}
