import type { OrderApproval, OrderView } from '../../../shared/ipc';
import { numberingSystem } from '../../../shared/i18n/format';
import { useT } from '../../i18n/useT';

/** "12:03": when the order was paid, as the cashier says it (the locale's digits). */
function hourMinute(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: numberingSystem(locale) }).format(epochMs);
}

/** Orders the core counts as paid more than once today: each needs a refund or a manager's check. */
export function PaidTwiceList({ orders, terminalLabel }: { orders: OrderView[]; terminalLabel(id: string): string }) {
  const t = useT();
  const twice = orders.filter((o) => o.status === 'paid_more_than_once');
  if (twice.length === 0) return <p className="hint">{t.t('endofday.paid_twice.none')}</p>;
  const approval = (a: OrderApproval) =>
    t.t('endofday.paid_twice.approval', {
      amount: t.money(a.amountMinor, a.currency),
      time: hourMinute(t.locale, a.at),
      terminal: terminalLabel(a.terminalId),
    });
  return (
    <ul className="payment-list" aria-label={t.t('endofday.paid_twice.title')}>
      {twice.map((o) => (
        <li key={o.orderRef}>
          {t.t('endofday.paid_twice.order', {
            order: o.orderRef,
            count: o.approvals.length,
            approvals: o.approvals.map(approval).join(t.t('endofday.list.separator')),
          })}
        </li>
      ))}
    </ul>
  );
}
