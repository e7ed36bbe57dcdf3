import type { PaymentView } from '../../../shared/ipc';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

interface Props {
  payments: PaymentView[];
  empty: string;
  terminalLabel(id: string): string;
  /** The order's standing from the core ("Paid", "Not paid"): a void alone says nothing about the order. */
  orderStanding?(orderRef: string): string;
}

export function PaymentList({ payments, empty, terminalLabel, orderStanding }: Props) {
  const t = useT();
  if (payments.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="payment-list">
      {payments.map((p) => (
        <li key={p.transactionId}>
          <StatusBadge state={p.state} />
          {GLYPH.space}
          {t.t('endofday.payment.line', {
            time: t.clock(p.createdAt),
            order: p.orderRef,
            amount: t.money(p.amountMinor, p.currency),
            terminal: terminalLabel(p.terminalId),
          })}
          {/* The gateway's void reason as it sent it; the core's detail in words. */}
          {p.voidReason ? t.t('endofday.payment.more', { text: p.voidReason }) : ''}
          {p.detail || p.detailMsg ? t.t('endofday.payment.more', { text: t.say(p.detailMsg, p.detail) }) : ''}
          {orderStanding ? t.t('endofday.payment.order', { standing: orderStanding(p.orderRef) }) : ''}
        </li>
      ))}
    </ul>
  );
}
