import type { PaymentView } from '../../../shared/ipc';
import type { Translator } from '../../../shared/i18n/translator';
import { paidByAnother } from '../../format/order';
import { useT } from '../../i18n/useT';
import { usePos } from '../../store/context';
import { selectOrder } from '../../store/selectors';
import { ALREADY_PAID_TITLE, AlreadyPaidResult } from './AlreadyPaidResult';
import { TellCustomer } from '../../components/TellCustomer';
import { joinSentencesIn } from '../../format/sentences';
import { ApprovedResult } from './ApprovedResult';
import { CashResult } from './CashResult';
import { DeclinedResult } from './DeclinedResult';
import { ResultLayout } from './ResultLayout';
import { UnknownOutcome } from './UnknownOutcome';

/** "Not charged" in the till's words, and the English the core's and gateway's own sentences use for it. */
const NOT_CHARGED = 'results.notCharged';
const SAYS_NOT_CHARGED = /not charged|nichts abgebucht|no se ha cobrado|請求はありません|لم يتم خصم/i;

/** The core's or gateway's words, then "not charged" unless they said so already. */
const notCharged = (t: Translator, words: string) => joinSentencesIn(t.language, words, SAYS_NOT_CHARGED.test(words) ? undefined : t.t(NOT_CHARGED));

/** The sentences of `text` that do not repeat "not paid" (for screens whose title says it; the core's English). */
const withoutNotPaid = (text: string | undefined) =>
  (text ?? '')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => !/not paid/i.test(s))
    .join(' ');

/** The gateway's void reasons in a cashier's words (its own text speaks of a "grace period"). */
const voidWords = (t: Translator, reason: string | undefined) => (reason && /grace period/i.test(reason) ? t.t('results.voided.tooLate') : reason);

function WhatNow({ words }: { words: string }) {
  const t = useT();
  return (
    <p className="todo">
      <strong>{t.t('results.whatNow')} </strong>
      {words}
    </p>
  );
}

/** Picks the result screen for a payment that is no longer on its way. */
export function PaymentResult({ payment }: { payment: PaymentView }) {
  const t = useT();
  // What to do next follows the order's standing (from the core), not this attempt alone.
  const paidBy = paidByAnother(usePos(selectOrder(payment.orderRef)), payment.transactionId);
  const alreadyPaidTitle = ALREADY_PAID_TITLE[payment.state];
  if (paidBy && alreadyPaidTitle) return <AlreadyPaidResult payment={payment} paidBy={paidBy} title={alreadyPaidTitle} />;
  const detail = t.say(payment.detailMsg, payment.detail) || undefined;
  switch (payment.state) {
    case 'approved':
      return payment.cash ? <CashResult payment={payment} cash={payment.cash} /> : <ApprovedResult payment={payment} />;
    case 'declined':
      return <DeclinedResult payment={payment} />;
    case 'unknown':
      return <UnknownOutcome payment={payment} />;
    case 'cancelled':
      return (
        <ResultLayout payment={payment} tone="warn" title={t.t('results.cancelled.title')} retry={t.t('results.cancelled.retry')}>
          <p className="result-message">{t.t(NOT_CHARGED)}</p>
          <WhatNow words={t.t('results.cancelled.whatNow')} />
        </ResultLayout>
      );
    case 'rejected':
      return (
        <ResultLayout payment={payment} tone="bad" title={t.t('results.rejected.title')} retry={t.t('results.rejected.retry')}>
          <p className="result-message">{notCharged(t, detail ?? payment.errorMessage ?? t.t('results.rejected.notAccepted'))}</p>
          <WhatNow words={t.t('results.rejected.whatNow')} />
          {payment.errorMessage && detail && <p className="raw-code">{t.t('results.rejected.gatewaySaid', { message: payment.errorMessage })}</p>}
        </ResultLayout>
      );
    case 'abandoned':
      return (
        <ResultLayout payment={payment} tone="bad" title={t.t('results.abandoned.title')} retry={t.t('results.takeAgain')}>
          <p className="result-message">
            {joinSentencesIn(
              t.language,
              // The title says "Not paid"; the core's detail may say it too (and it stays in History).
              (payment.detailMsg ? detail : withoutNotPaid(payment.detail)) || t.t('results.abandoned.wentAway'),
              t.t('results.abandoned.lateResult'),
            )}
          </p>
          {payment.resolution?.reason && (
            <p className="hint">{t.t('results.abandoned.reasonGiven', { reason: t.say(payment.resolution.reasonMsg, payment.resolution.reason) })}</p>
          )}
          <WhatNow words={t.t('results.takeAgainSentence')} />
        </ResultLayout>
      );
    case 'voided':
      return (
        <ResultLayout payment={payment} tone="bad" title={t.t('results.voided.title')} retry={t.t('results.takeAgain')}>
          <p className="result-message">{joinSentencesIn(t.language, t.t(NOT_CHARGED), voidWords(t, payment.voidReason))}</p>
          <WhatNow words={t.t('results.takeAgainSentence')} />
        </ResultLayout>
      );
    case 'needs_review':
      return (
        <ResultLayout payment={payment} tone="warn" title={t.t('results.review.title')}>
          <p className="result-message">{detail ?? t.t('results.review.lateResult')}</p>
          <WhatNow words={t.t('results.review.whatNow')} />
          <TellCustomer />
        </ResultLayout>
      );
    default:
      return (
        <ResultLayout payment={payment} tone="info" title={t.t('results.other.title', { state: payment.state })}>
          {null}
        </ResultLayout>
      );
  }
}
