import { useState } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';

/**
 * The honest Cancel (till: an honest Cancel). The gateway has no cancel action: "Cancel" says how to
 * cancel on the terminal, and Checkstand keeps waiting for its CANCELLED. "Stop waiting" only
 * stops this till waiting, so it asks first and says what a later approval means.
 */
export function WaitingActions({ payment, terminalName }: { payment: PaymentView; terminalName: string }) {
  const bridge = useBridge();
  const [showCancelHow, setShowCancelHow] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const stop = useCommand<PaymentView>();

  return (
    <div className="waiting-actions">
      <div className="result-actions">
        <button type="button" className="secondary" aria-expanded={showCancelHow} aria-controls="cancel-how" onClick={() => setShowCancelHow((v) => !v)}>
          Cancel
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(true)} disabled={confirming}>
          Stop waiting…
        </button>
      </div>
      <p id="cancel-how" className="todo" hidden={!showCancelHow}>
        Press Cancel on terminal "{terminalName}". Checkstand cannot cancel a card payment itself; it keeps waiting until the terminal reports it cancelled.
      </p>
      {confirming && (
        <div role="group" aria-labelledby="stop-title" className="confirm">
          <h2 id="stop-title">Stop waiting for this payment?</h2>
          <p>
            The order is marked NOT paid and the terminal is free for another payment. If the terminal approves it after you stop, the customer IS charged: the
            payment then shows "Needs review", and nobody may charge again until a manager has checked it. Press Cancel on the terminal first if you can.
          </p>
          <div className="result-actions">
            <button type="button" className="primary" onClick={() => setConfirming(false)}>
              Keep waiting
            </button>
            <button
              type="button"
              className="secondary"
              disabled={stop.busy}
              onClick={() => void stop.run(() => bridge.stopWaiting({ transactionId: payment.transactionId }))}
            >
              Stop waiting, order not paid
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
