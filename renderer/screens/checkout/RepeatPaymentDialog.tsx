import { ModalDialog } from '../../components/ModalDialog';
import { useRef } from 'react';
import type { OrderApproval } from '../../../shared/ipc';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { approvalPhrase } from '../../format/order';
import { usePos } from '../../store/context';
import { useT } from '../../i18n/useT';

export interface RepeatQuestion {
  orderRef: string;
  /** The order's first approval today (from the core's standing), or the core's own words. */
  approval?: OrderApproval;
  message?: string;
}

/**
 * Money-truth rule 4: an order already paid today is paid again only on an explicit Yes. No is the
 * default: it has the focus, Enter and Escape both choose it, and nothing is sent.
 */
export function RepeatPaymentDialog({ question, onAnswer }: { question: RepeatQuestion; onAnswer(takeAnother: boolean): void }) {
  const t = useT();
  const terminalsById = usePos((s) => s.terminalsById);
  const noRef = useFocusOnMount<HTMLButtonElement>(question.orderRef);
  const answered = useRef(false);
  const answer = (takeAnother: boolean) => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(takeAnother);
  };
  const text = question.approval
    ? t.t('checkout.repeat.paidAt', { order: question.orderRef, approval: approvalPhrase(question.approval, (id) => terminalsById[id]?.label ?? id, t) })
    : (question.message ?? t.t('checkout.repeat.paidToday', { order: question.orderRef }));
  return (
    <ModalDialog role="alertdialog" titleId="repeat-title" textId="repeat-text" onEscape={() => answer(false)}>
      <h2 id="repeat-title">{t.t('checkout.repeat.title', { order: question.orderRef })}</h2>
      <p id="repeat-text" className="void-summary">
        {text}
      </p>
      <div className="result-actions">
        <button ref={noRef} type="button" className="primary big" onClick={() => answer(false)}>
          {t.t('checkout.repeat.no')}
        </button>
        <button type="button" className="secondary" onClick={() => answer(true)}>
          {t.t('checkout.repeat.yes')}
        </button>
      </div>
    </ModalDialog>
  );
}
