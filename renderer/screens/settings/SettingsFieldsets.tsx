import type { PaymentsPause } from '../../../shared/ipc';
import type { CommandState } from '../../hooks/useCommand';
import { useT } from '../../i18n/useT';
import type { SettingsFormState } from './settings-form';
import { TextField } from './TextField';
import { pauseWords } from '../../format/pause';

/** What every fieldset of the settings form gets: the form, its setter, the save errors, the locks. */
export interface FieldsetProps {
  form: SettingsFormState;
  set(patch: Partial<SettingsFormState>): void;
  errors: Record<string, string>;
  isLocked(field: string): boolean;
}

interface GatewayProps extends FieldsetProps {
  hints: { apiKey: string | undefined; apiSecret: string | undefined };
  /** Money-truth rule 1: a gateway setting that blocks payments says so next to its field. */
  configError(field: string): string | undefined;
  wholeFileProblems: PaymentsPause[];
}

/** The two secrets: never shown, only their masked hint; empty keeps the saved one (keys settings.apiKey.*, settings.apiSecret.*). */
const SECRET_FIELDS = ['apiKey', 'apiSecret'] as const;

export function GatewayFields({ form, set, errors, isLocked, hints, configError, wholeFileProblems }: GatewayProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t.t('settings.gateway.legend')}</legend>
      {wholeFileProblems.map((p) => (
        <p key={p.message} role="alert" className="error-text">
          {pauseWords(t, p)}
        </p>
      ))}
      <TextField
        id="endpoint"
        label={t.t('settings.gateway.endpoint')}
        type="url"
        value={form.endpoint}
        locked={isLocked('endpoint')}
        error={errors.endpoint ?? configError('endpoint')}
        onChange={(endpoint) => set({ endpoint })}
      />
      <TextField
        id="groupId"
        label={t.t('settings.gateway.group_id')}
        value={form.groupId}
        locked={isLocked('groupId')}
        error={errors.groupId ?? configError('groupId')}
        onChange={(groupId) => set({ groupId })}
      />
      {SECRET_FIELDS.map((field) => (
        <TextField
          key={field}
          id={field}
          label={t.t(`settings.${field}.label`)}
          type="password"
          value={form[field]}
          locked={isLocked(field)}
          error={errors[field] ?? configError(field)}
          hint={hints[field] ? t.t(`settings.${field}.saved`, { hint: hints[field] }) : t.t(`settings.${field}.none`)}
          onChange={(value) => set({ [field]: value })}
        />
      ))}
    </fieldset>
  );
}

export function StoreFields({ form, set, errors, isLocked }: FieldsetProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t.t('settings.store.legend')}</legend>
      <TextField
        id="storeName"
        label={t.t('settings.store.name')}
        value={form.storeName}
        locked={isLocked('storeName')}
        error={errors.storeName}
        onChange={(storeName) => set({ storeName })}
      />
      <TextField
        id="storeAddress"
        label={t.t('settings.store.address')}
        value={form.storeAddress}
        locked={isLocked('storeAddress')}
        error={errors.storeAddress}
        onChange={(storeAddress) => set({ storeAddress })}
      />
      <TextField
        id="currency"
        label={t.t('settings.store.currency')}
        maxLength={3}
        value={form.currency}
        locked={isLocked('currency')}
        error={errors.currency}
        onChange={(currency) => set({ currency })}
      />
      <div className="field">
        <label htmlFor="amountEntry">{t.t('settings.store.amount_entry')}</label>
        <select
          id="amountEntry"
          value={form.amountEntry}
          disabled={isLocked('amountEntry')}
          onChange={(e) => set({ amountEntry: e.target.value === 'whole-units' ? 'whole-units' : 'cash-register' })}
        >
          <option value="cash-register">{t.t('settings.store.amount_entry.cash_register')}</option>
          <option value="whole-units">{t.t('settings.store.amount_entry.whole_units')}</option>
        </select>
      </div>
    </fieldset>
  );
}

interface ReceiptProps extends FieldsetProps {
  testPage: CommandState<{ jobId: string }>;
  onTestPage(): void;
}

export function ReceiptFields({ form, set, errors, isLocked, testPage, onTestPage }: ReceiptProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t.t('settings.receipts.legend')}</legend>
      <div className="field">
        <label htmlFor="printerKind">{t.t('settings.receipts.printer')}</label>
        <select
          id="printerKind"
          value={form.printer.kind}
          disabled={isLocked('printer')}
          onChange={(e) => set({ printer: { ...form.printer, kind: e.target.value as SettingsFormState['printer']['kind'] } })}
        >
          <option value="none">{t.t('settings.receipts.printer.none')}</option>
          <option value="system">{t.t('settings.receipts.printer.system')}</option>
          <option value="network">{t.t('settings.receipts.printer.network')}</option>
          <option value="pdf">{t.t('settings.receipts.printer.pdf')}</option>
        </select>
      </div>
      {form.printer.kind === 'system' && (
        <TextField
          id="systemName"
          label={t.t('settings.receipts.system_name')}
          value={form.printer.systemName}
          error={errors['printer.systemName']}
          onChange={(systemName) => set({ printer: { ...form.printer, systemName } })}
        />
      )}
      {form.printer.kind === 'network' && (
        <>
          <TextField
            id="printerHost"
            label={t.t('settings.receipts.host')}
            value={form.printer.host}
            error={errors['printer.host']}
            onChange={(host) => set({ printer: { ...form.printer, host } })}
          />
          <TextField
            id="printerPort"
            label={t.t('settings.receipts.port')}
            type="number"
            value={String(form.printer.port)}
            error={errors['printer.port']}
            onChange={(port) => set({ printer: { ...form.printer, port: Number(port) || 0 } })}
          />
          <p className="hint">{t.t('settings.receipts.network_scripts')}</p>
        </>
      )}
      <div className="field">
        <label htmlFor="paperWidth">{t.t('settings.receipts.paper_width')}</label>
        <select
          id="paperWidth"
          value={form.printer.paperWidthMm}
          onChange={(e) => set({ printer: { ...form.printer, paperWidthMm: e.target.value === '58' ? 58 : 80 } })}
        >
          <option value="58">{t.t('settings.receipts.mm', { width: 58 })}</option>
          <option value="80">{t.t('settings.receipts.mm', { width: 80 })}</option>
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.autoPrint} disabled={isLocked('autoPrint')} onChange={(e) => set({ autoPrint: e.target.checked })} />
        {t.t('settings.receipts.auto_print')}
      </label>
      <button type="button" className="secondary" disabled={testPage.busy} onClick={onTestPage}>
        {t.t('settings.receipts.test_page')}
      </button>
      {testPage.error && (
        <p role="alert" className="error-text">
          {testPage.error}
        </p>
      )}
    </fieldset>
  );
}

export function UpdateFields({ form, set, isLocked }: Omit<FieldsetProps, 'errors'> & { errors?: unknown }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t.t('settings.updates.legend')}</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={form.updatesEnabled}
          disabled={isLocked('updatesEnabled')}
          onChange={(e) => set({ updatesEnabled: e.target.checked })}
        />
        {t.t('settings.updates.auto')}
      </label>
    </fieldset>
  );
}
