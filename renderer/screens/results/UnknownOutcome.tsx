import { useState } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { TellCustomer } from '../../components/TellCustomer';
import { useCommand } from '../../hooks/useCommand';
import { useBridge, usePos } from '../../store/context';
import { selectDemo, selectTerminalLabel } from '../../store/selectors';
import { ResolveForm } from './ResolveForm';
import { ResultLayout } from './ResultLayout';

/**
 * Unknown outcome (§9.3, scenarios F, G, H): the register does not know whether the customer
 * was charged. A guided check: the terminal screen first, then the gateway lookup, then the
 * cashier's decision with a reason. New payment stays hidden so nobody charges twice by accident.
 */
export function UnknownOutcome({ payment }: { payment: PaymentView }) {
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
      setCheckNote('The gateway does not know the result yet either. Look at the terminal, or try again in a moment.');
    }
  };

  return (
    <ResultLayout payment={payment} tone="warn" title="Result unknown — check before you continue" hideActions>
      {/* Two columns on wide screens: the guided check beside the form that settles it. */}
      <div className="unknown-columns">
        <div>
          <p className="result-message">
            {payment.detail ?? 'The register lost track of this payment.'} Do NOT take the payment again until you know it was not charged.
          </p>
          <TellCustomer />
          <ol className="steps">
            <li>Look at the screen of terminal "{terminal}". Does it say approved, declined or cancelled?</li>
            <li>If the terminal printed or shows an approval, the customer was charged.</li>
            <li>If you are not sure, check with the gateway.</li>
          </ol>
          <button type="button" className="primary" disabled={check.busy} onClick={() => void checkNow()}>
            {check.busy ? 'Checking with the gateway…' : 'Check with the gateway'}
          </button>
          {!lookupConfigured && <p className="hint">The gateway check needs the API secret, which is not set up (Settings). Rely on the terminal screen.</p>}
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
