import { useEffect, useState } from 'react';
import type { CloseShiftResult, ShiftReport, ShiftView } from '../../../../shared/ipc';
import { StatusIcon } from '../../../components/StatusIcon';
import { useCommand } from '../../../hooks/useCommand';
import { useFocusOnMount } from '../../../hooks/useFocusOnMount';
import { formatMoney } from '../../../format/money';
import { useBridge } from '../../../store/context';
import { MoneyField, useTypedMoney } from './MoneyField';
import { differenceText } from './ShiftReportView';

type Refusal = Extract<CloseShiftResult, { closed: false }>;

interface Props {
  shift: ShiftView;
  onClosed(report: ShiftReport): void;
  onCancel(): void;
}

/**
 * Closing the shift: the counted cash, the difference to what the drawer should hold, then the Z.
 * The core refuses a Z while payments are unresolved; the refusal is shown here with the list and
 * what would allow it (the cashier's confirmation, or a manager's PIN when roles are on).
 */
export function CloseShiftPanel({ shift, onClosed, onCancel }: Props) {
  const bridge = useBridge();
  const [countedText, setCountedText] = useState('');
  const counted = useTypedMoney(countedText, shift.currency);
  const expectedMinor = useExpectedCash(shift.currency);
  // The panel opens for this one field: typing can start at once.
  const countedRef = useFocusOnMount<HTMLInputElement>();
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [pin, setPin] = useState('');
  const close = useCommand<CloseShiftResult>();

  const ready = countedText.trim() !== '' && counted.minor !== undefined;
  const submit = async (extra: { confirmUnresolved?: true; managerPin?: string } = {}) => {
    if (!ready) return;
    const result = await close.run(() => bridge.closeShift({ countedCashMinor: counted.minor!, ...extra }));
    if (!result?.ok) return;
    if (result.value.closed) onClosed(result.value.report);
    else setRefusal(result.value);
  };

  return (
    <form
      className="details close-shift"
      aria-labelledby="close-shift-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="close-shift-title">Close the shift (Z report)</h3>
      {refusal ? (
        <UnresolvedRefusal
          refusal={refusal}
          pin={pin}
          onPin={setPin}
          busy={close.busy}
          onConfirm={() => void submit({ confirmUnresolved: true })}
          onPinSubmit={() => void submit({ managerPin: pin })}
        />
      ) : null}
      <div className="shift-count">
        <MoneyField
          id="shift-counted"
          label="Counted cash"
          currency={shift.currency}
          text={countedText}
          onText={setCountedText}
          minor={counted.minor}
          problem={counted.problem}
          inputRef={countedRef}
        />
        <CashCheck currency={shift.currency} expectedMinor={expectedMinor} countedMinor={ready ? counted.minor : undefined} />
      </div>
      <div className="toolbar">
        {!refusal && (
          <button type="submit" className="primary" disabled={!ready || close.busy}>
            Close shift and make Z
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {close.error && (
        <p role="alert" className="error-text">
          {close.error}
        </p>
      )}
    </form>
  );
}

interface RefusalProps {
  refusal: Refusal;
  pin: string;
  onPin(pin: string): void;
  busy: boolean;
  onConfirm(): void;
  onPinSubmit(): void;
}

function UnresolvedRefusal({ refusal, pin, onPin, busy, onConfirm, onPinSubmit }: RefusalProps) {
  return (
    <div className="warning" role="alert">
      <p>
        <StatusIcon tone="warn" /> The Z report was not made. {refusal.message}
      </p>
      <ul className="payment-list" aria-label="Unresolved payments">
        {refusal.unresolved.map((p) => (
          <li key={p.transactionId}>
            Order <strong>{p.orderRef}</strong> — {formatMoney(p.amountMinor, p.currency)} on {p.terminal} — {p.state.replace('_', ' ')}
          </li>
        ))}
      </ul>
      {refusal.needs === 'confirmation' ? (
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          Close anyway and list them on the Z
        </button>
      ) : (
        <div className="field">
          <label htmlFor="shift-manager-pin">Manager PIN</label>
          <input
            id="shift-manager-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => onPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
          <button type="button" className="primary" disabled={busy || pin.length < 4} onClick={onPinSubmit}>
            Manager approves the close
          </button>
        </div>
      )}
    </div>
  );
}

/** What the drawer should hold now (the X report's figure), asked once when the panel opens. */
function useExpectedCash(currency: string): number | undefined {
  const bridge = useBridge();
  const [expectedMinor, setExpectedMinor] = useState<number | undefined>();
  useEffect(() => {
    let live = true;
    void bridge.shiftReport({}).then((r) => {
      if (live && r.ok) setExpectedMinor(r.value.cash.find((c) => c.currency === currency)?.expectedMinor);
    });
    return () => {
      live = false;
    };
  }, [bridge, currency]);
  return expectedMinor;
}

/** Expected, counted and the difference, before the cashier confirms the Z. */
function CashCheck({ currency, expectedMinor, countedMinor }: { currency: string; expectedMinor: number | undefined; countedMinor: number | undefined }) {
  return (
    <dl className="cash-check" aria-live="polite">
      <dt>Expected in the drawer</dt>
      <dd>{expectedMinor !== undefined ? formatMoney(expectedMinor, currency) : '…'}</dd>
      {countedMinor !== undefined && expectedMinor !== undefined && (
        <>
          <dt>Counted</dt>
          <dd>{formatMoney(countedMinor, currency)}</dd>
          <dt>Difference</dt>
          <dd data-testid="shift-difference">{differenceText(countedMinor - expectedMinor, currency)}</dd>
        </>
      )}
    </dl>
  );
}
