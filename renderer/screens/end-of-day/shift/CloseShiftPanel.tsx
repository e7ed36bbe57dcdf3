import { useEffect, useState } from 'react';
import type { CloseShiftResult, ShiftReport, ShiftView } from '../../../../shared/ipc';
import { StatusIcon } from '../../../components/StatusIcon';
import { useFocusOnMount } from '../../../hooks/useFocusOnMount';
import { useT } from '../../../i18n/useT';
import { useBridge } from '../../../store/context';
import { MoneyField, useTypedMoney } from './MoneyField';
import { useDifferenceText } from './ShiftReportView';
import { stateLabel } from '../labels';
import { useSaidCommand } from '../../settings/said-command';

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
  const t = useT();
  const bridge = useBridge();
  const [countedText, setCountedText] = useState('');
  const counted = useTypedMoney(countedText, shift.currency);
  const expectedMinor = useExpectedCash(shift.currency);
  // The panel opens for this one field: typing can start at once.
  const countedRef = useFocusOnMount<HTMLInputElement>();
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [pin, setPin] = useState('');
  const close = useSaidCommand<CloseShiftResult>();

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
      <h3 id="close-shift-title">{t.t('endofday.close.title')}</h3>
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
          label={t.t('endofday.close.counted_cash')}
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
            {t.t('endofday.close.submit')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t.t('endofday.close.cancel')}
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
  const t = useT();
  const reason = t.say(refusal.messageMsg, refusal.message);
  return (
    <div className="warning" role="alert">
      <p>
        <StatusIcon tone="warn" /> {t.t('endofday.close.refused', { reason })}
      </p>
      <ul className="payment-list" aria-label={t.t('endofday.close.unresolved_list')}>
        {refusal.unresolved.map((p) => (
          <li key={p.transactionId}>
            {t.t('endofday.close.unresolved_line', {
              order: p.orderRef,
              amount: t.money(p.amountMinor, p.currency),
              terminal: p.terminal,
              state: stateLabel(t, p.state),
            })}
          </li>
        ))}
      </ul>
      {refusal.needs === 'confirmation' ? (
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {t.t('endofday.close.anyway')}
        </button>
      ) : (
        <div className="field">
          <label htmlFor="shift-manager-pin">{t.t('endofday.close.manager_pin')}</label>
          <input
            id="shift-manager-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => onPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
          <button type="button" className="primary" disabled={busy || pin.length < 4} onClick={onPinSubmit}>
            {t.t('endofday.close.manager_approves')}
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
  const t = useT();
  const differenceText = useDifferenceText();
  return (
    <dl className="cash-check" aria-live="polite">
      <dt>{t.t('endofday.close.expected')}</dt>
      <dd>{expectedMinor !== undefined ? t.money(expectedMinor, currency) : t.t('endofday.close.expected_pending')}</dd>
      {countedMinor !== undefined && expectedMinor !== undefined && (
        <>
          <dt>{t.t('endofday.cash.counted')}</dt>
          <dd>{t.money(countedMinor, currency)}</dd>
          <dt>{t.t('endofday.cash.difference')}</dt>
          <dd data-testid="shift-difference">{differenceText(countedMinor - expectedMinor, currency)}</dd>
        </>
      )}
    </dl>
  );
}
