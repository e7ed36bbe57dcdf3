import type { ReceiptCashierName } from '../../../shared/ipc';
import { useT } from '../../i18n/useT';
import type { FieldsetProps } from './SettingsFieldsets';

/** People: the idle lock and how receipts name the cashier. */
export function TillLockFields({ form, set, errors, isLocked }: FieldsetProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t.t('settings.cashiers.legend')}</legend>
      <div className="field">
        <label htmlFor="idleLockMinutes">{t.t('settings.cashiers.idle_lock')}</label>
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
        <label htmlFor="receiptCashierName">{t.t('settings.cashiers.on_receipts')}</label>
        <select
          id="receiptCashierName"
          value={form.receiptCashierName ?? 'first'}
          disabled={isLocked('receiptCashierName')}
          onChange={(e) => set({ receiptCashierName: e.target.value as ReceiptCashierName })}
        >
          <option value="full">{t.t('settings.cashiers.full_name')}</option>
          <option value="first">{t.t('settings.cashiers.first_name')}</option>
          <option value="none">{t.t('settings.cashiers.no_name')}</option>
        </select>
      </div>
    </fieldset>
  );
}
