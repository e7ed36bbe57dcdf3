import type { ReceiptCashierName } from '../../../shared/ipc';
import type { FieldsetProps } from './SettingsFieldsets';

/** People: the idle lock and how receipts name the cashier. */
export function TillLockFields({ form, set, errors, isLocked }: FieldsetProps) {
  return (
    <fieldset>
      <legend>Cashiers</legend>
      <div className="field">
        <label htmlFor="idleLockMinutes">Lock the till after this many idle minutes (0 = never)</label>
        <input
          id="idleLockMinutes"
          type="number"
          min={0}
          max={240}
          value={form.idleLockMinutes ?? 5}
          disabled={isLocked('idleLockMinutes')}
          onChange={(e) => set({ idleLockMinutes: Number(e.target.value) })}
          aria-describedby={errors.idleLockMinutes ? 'idleLockMinutes-error' : undefined}
        />
        {errors.idleLockMinutes && (
          <p id="idleLockMinutes-error" className="error-text">
            {errors.idleLockMinutes}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="receiptCashierName">Cashier on receipts</label>
        <select
          id="receiptCashierName"
          value={form.receiptCashierName ?? 'first'}
          disabled={isLocked('receiptCashierName')}
          onChange={(e) => set({ receiptCashierName: e.target.value as ReceiptCashierName })}
        >
          <option value="full">Full name</option>
          <option value="first">First name</option>
          <option value="none">No name</option>
        </select>
      </div>
    </fieldset>
  );
}
