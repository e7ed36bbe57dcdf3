import { useState } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { TellCustomer } from '../../components/TellCustomer';
import { useCommand } from '../../hooks/useCommand';
import { useBridge, usePos } from '../../store/context';
import { selectDemo, selectTerminalLabel } from '../../store/selectors';
import { ResolveForm } from './ResolveForm';
import { ResultLayout } from './ResultLayout';
import { useT } from '../../i18n/useT';

/**
 * Unknown outcome (§9.3, scenarios F, G, H): the register does not know whether the customer
 * was charged. A guided check: the terminal screen first, then the gateway lookup, then the
 * cashier's decision with a reason. New payment stays hidden so nobody charges twice by accident.
 */
export function UnknownOutcome({ payment }: { payment: PaymentView }) {
  const t = useT();
  const bridge = useBridge();
  const terminal = usePos(selectTerminalLabel(payment.terminalId));
  // Demo mode's simulator key has its secret, so the lookup runs even with none saved.
  const lookupConfigured = usePos((s) => (s.settings?.apiSecret.set ?? false) || selectDemo(s) !== undefined);
  const check = useCommand<PaymentView>();
  const [checkNote, setCheckNote] = useState<string | null>(null);

  const checkNow = async () => {
    setCheckNote(null);
    const result = await check.run(() => bridge.checkPaymentNow({ transactionId: payment.transactionId }));
    if (result?.ok && result.value.state === 'unknown') {
      setCheckNote(t.t('results.unknown.gatewayUnknown'));
    }
  };

  return (
    <ResultLayout payment={payment} tone="warn" title={t.t('results.unknown.title')} hideActions>
      {/* Two columns on wide screens: the guided check beside the form that settles it. */}
      <div className="unknown-columns">
        <div>
          <p className="result-message">
            {t.say(payment.detailMsg, payment.detail ?? t.t('results.unknown.lostTrack'))} {t.t('results.unknown.doNotRetake')}
          </p>
          <TellCustomer />
          <ol className="steps">
            <li>{t.t('results.unknown.step1', { terminal })}</li>
            <li>{t.t('results.unknown.step2')}</li>
            <li>{t.t('results.unknown.step3')}</li>
          </ol>
          <button type="button" className="primary" disabled={check.busy} onClick={() => void checkNow()}>
            {check.busy ? t.t('results.unknown.checking') : t.t('results.unknown.check')}
          </button>
          {!lookupConfigured && <p className="hint">{t.t('results.unknown.noSecret')}</p>}
          <div role="status">{checkNote}</div>
          {check.error && (
            <p role="alert" className="error-text">
              {check.error}
            </p>
          )}
        </div>
        <ResolveForm payment={payment} />
      </div>
    </ResultLayout>
  );
}
