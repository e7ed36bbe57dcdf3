import { ModalDialog } from '../../components/ModalDialog';
import { useRef } from 'react';
import type { OrderApproval } from '../../../shared/ipc';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { approvalPhrase } from '../../format/order';
import { usePos } from '../../store/context';

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
  const terminalsById = usePos((s) => s.terminalsById);
  const noRef = useFocusOnMount<HTMLButtonElement>(question.orderRef);
  const answered = useRef(false);
  const answer = (takeAnother: boolean) => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(takeAnother);
  };
  const text = question.approval
    ? `Order ${question.orderRef} was already paid ${approvalPhrase(question.approval, (id) => terminalsById[id]?.label ?? id)}. Take another payment for it?`
    : (question.message ?? `Order ${question.orderRef} was already paid today. Take another payment for it?`);
  return (
    <ModalDialog role="alertdialog" titleId="repeat-title" textId="repeat-text" onEscape={() => answer(false)}>
      <h2 id="repeat-title">Order {question.orderRef} is already paid</h2>
      <p id="repeat-text" className="void-summary">
        {text}
      </p>
      <div className="result-actions">
        <button ref={noRef} type="button" className="primary big" onClick={() => answer(false)}>
          No — do not take another payment
        </button>
        <button type="button" className="secondary" onClick={() => answer(true)}>
          Yes — take another payment
        </button>
      </div>
    </ModalDialog>
  );
}
