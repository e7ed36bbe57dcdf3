import { useState, type FormEvent } from 'react';
import type { PaymentView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';
import { useManagerApproval } from '../../components/ManagerApproval';

type Outcome = 'approved' | 'declined' | 'cancelled' | 'abandoned';

const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'approved', label: 'Approved — the terminal shows the payment was approved' },
  { value: 'declined', label: 'Declined — the terminal shows it was declined' },
  { value: 'cancelled', label: 'Cancelled — the terminal shows it was cancelled' },
  { value: 'abandoned', label: 'Not charged — nothing on the terminal; treat as not paid' },
];

const MIN_REASON = 3;

/** The cashier settles an unknown outcome, always with a reason (it is audited, rule 7). */
export function ResolveForm({ payment }: { payment: PaymentView }) {
  const bridge = useBridge();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const resolve = useCommand<PaymentView>();
  // People: settling by hand is the manager's call; the core refuses without the approval.
  const manager = useManagerApproval();
  const blocker = !outcome ? 'Choose what the terminal shows.' : reason.trim().length < MIN_REASON ? 'Write a reason (at least 3 characters).' : null;

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
      <h2 id="resolve-title">Resolve by hand</h2>
      <fieldset>
        <legend>What does the terminal show?</legend>
        {OUTCOMES.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="resolve-reason">Reason (required)</label>
        <textarea id="resolve-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={blocker !== null || resolve.busy} aria-describedby="resolve-why">
        Resolve payment
      </button>
      <p id="resolve-why" className="pay-reason">
        {blocker ?? 'This will be recorded with your reason.'}
      </p>
      {resolve.error && (
        <p role="alert" className="error-text">
          {resolve.error}
        </p>
      )}
    </form>
  );
}
