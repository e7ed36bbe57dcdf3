import { useState } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';
import { useT } from '../../i18n/useT';

/**
 * The honest Cancel (till: an honest Cancel). The gateway has no cancel action: "Cancel" says how to
 * cancel on the terminal, and Checkstand keeps waiting for its CANCELLED. "Stop waiting" only
 * stops this till waiting, so it asks first and says what a later approval means.
 */
export function WaitingActions({ payment, terminalName }: { payment: PaymentView; terminalName: string }) {
  const t = useT();
  const bridge = useBridge();
  const [showCancelHow, setShowCancelHow] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const stop = useCommand<PaymentView>();

  return (
    <div className="waiting-actions">
      <div className="result-actions">
        <button type="button" className="secondary" aria-expanded={showCancelHow} aria-controls="cancel-how" onClick={() => setShowCancelHow((v) => !v)}>
          {t.t('common.cancel')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(true)} disabled={confirming}>
          {t.t('checkout.waiting.stop')}
        </button>
      </div>
      <p id="cancel-how" className="todo" hidden={!showCancelHow}>
        {t.t('checkout.waiting.cancelHow', { terminal: terminalName })}
      </p>
      {confirming && (
        <div role="group" aria-labelledby="stop-title" className="confirm">
          <h2 id="stop-title">{t.t('checkout.waiting.stopTitle')}</h2>
          <p>{t.t('checkout.waiting.stopExplain')}</p>
          <div className="result-actions">
            <button type="button" className="primary" onClick={() => setConfirming(false)}>
              {t.t('checkout.waiting.keepWaiting')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={stop.busy}
              onClick={() => void stop.run(() => bridge.stopWaiting({ transactionId: payment.transactionId }))}
            >
              {t.t('checkout.waiting.stopConfirm')}
            </button>
          </div>
          {stop.error && (
            <p role="alert" className="error-text">
              {stop.error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
