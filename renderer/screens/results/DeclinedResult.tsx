import type { PaymentView } from '../../../shared/ipc';
import { declineAdvice } from '../../format/decline';
import { ResultLayout } from './ResultLayout';
import { useT } from '../../i18n/useT';
import { GLYPH } from '../../components/glyphs';

export function DeclinedResult({ payment }: { payment: PaymentView }) {
  const t = useT();
  const advice = declineAdvice(payment.errorCode, payment.errorMessage, t);
  return (
    <ResultLayout payment={payment} tone="bad" title={t.t('results.declined.title')} retry={t.t('results.declined.retry')}>
      <p className="result-message">{advice.message}</p>
      <p className="todo">
        <strong>{t.t('results.whatNow')} </strong>
        {advice.nextStep}
      </p>
      <p className="raw-code">
        {t.t('results.declined.code')}
        {GLYPH.space}
        <span className="mono">
          <bdi>{payment.errorCode ?? t.t('results.declined.noCode')}</bdi>
        </span>
        {/* The gateway's own words, as it sent them. */}
        {payment.errorMessage ? (
          <>
            {' — '}
            <bdi>{payment.errorMessage}</bdi>
          </>
        ) : null}
      </p>
    </ResultLayout>
  );
}
