import { useState, type FormEvent } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';
import { useManagerApproval } from '../../components/ManagerApproval';
import { useT } from '../../i18n/useT';

type Outcome = 'approved' | 'declined' | 'cancelled' | 'abandoned';

/** The outcomes a cashier can read off the terminal (words: `results.resolve.outcome.<value>`). */
const OUTCOMES: Outcome[] = ['approved', 'declined', 'cancelled', 'abandoned'];

const MIN_REASON = 3;

/** The cashier settles an unknown outcome, always with a reason (it is audited, rule 7). */
export function ResolveForm({ payment }: { payment: PaymentView }) {
  const t = useT();
  const bridge = useBridge();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const resolve = useCommand<PaymentView>();
  // People: settling by hand is the manager's call; the core refuses without the approval.
  const manager = useManagerApproval();
  const blocker = !outcome
    ? t.t('results.resolve.chooseOutcome')
    : reason.trim().length < MIN_REASON
      ? t.t('results.resolve.writeReason', { min: MIN_REASON })
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocker || !outcome) return;
    const approval = await manager.ask('resolvePayment', payment.transactionId);
    if (approval === null) return;
    void resolve.run(() => bridge.resolvePayment({ transactionId: payment.transactionId, outcome, reason: reason.trim(), ...(approval ? { approval } : {}) }));
  };

  return (
    <form className="resolve-form" onSubmit={(e) => void submit(e)} aria-labelledby="resolve-title">
      {manager.dialog}
      <h2 id="resolve-title">{t.t('results.resolve.title')}</h2>
      <fieldset>
        <legend>{t.t('results.resolve.question')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="choice">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t.t(`results.resolve.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="resolve-reason">{t.t('results.resolve.reason')}</label>
        <textarea id="resolve-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={blocker !== null || resolve.busy} aria-describedby="resolve-why">
        {t.t('results.resolve.submit')}
      </button>
      <p id="resolve-why" className="pay-reason">
        {blocker ?? t.t('results.resolve.recorded')}
      </p>
      {resolve.error && (
        <p role="alert" className="error-text">
          {resolve.error}
        </p>
      )}
    </form>
  );
}
