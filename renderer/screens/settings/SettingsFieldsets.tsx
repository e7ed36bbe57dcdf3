import type { PaymentsPause } from '../../../shared/ipc';
import type { useCommand } from '../../hooks/useCommand';
import type { SettingsFormState } from './settings-form';
import { TextField } from './TextField';

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

/** The two secrets: never shown, only their masked hint; empty keeps the saved one. */
const SECRET_FIELDS = [
  { field: 'apiKey', label: 'API key', noun: 'key' },
  { field: 'apiSecret', label: 'API secret (for checking unknown payments)', noun: 'secret' },
] as const;

export function GatewayFields({ form, set, errors, isLocked, hints, configError, wholeFileProblems }: GatewayProps) {
  return (
    <fieldset>
      <legend>Payment gateway</legend>
      {wholeFileProblems.map((p) => (
        <p key={p.message} role="alert" className="error-text">
          {p.message}
        </p>
      ))}
      <TextField
        id="endpoint"
        label="Gateway address"
        type="url"
        value={form.endpoint}
        locked={isLocked('endpoint')}
        error={errors.endpoint ?? configError('endpoint')}
        onChange={(endpoint) => set({ endpoint })}
      />
      <TextField
        id="groupId"
        label="Group ID"
        value={form.groupId}
        locked={isLocked('groupId')}
        error={errors.groupId ?? configError('groupId')}
        onChange={(groupId) => set({ groupId })}
      />
      {SECRET_FIELDS.map(({ field, label, noun }) => (
        <TextField
          key={field}
          id={field}
          label={label}
          type="password"
          value={form[field]}
          locked={isLocked(field)}
          error={errors[field] ?? configError(field)}
          hint={hints[field] ? `Saved ${noun} ${hints[field]}. Leave empty to keep it.` : `No ${noun} saved.`}
          onChange={(value) => set({ [field]: value })}
        />
      ))}
    </fieldset>
  );
}

export function StoreFields({ form, set, errors, isLocked }: FieldsetProps) {
  return (
    <fieldset>
      <legend>Store</legend>
      <TextField
        id="storeName"
        label="Store name"
        value={form.storeName}
        locked={isLocked('storeName')}
        error={errors.storeName}
        onChange={(storeName) => set({ storeName })}
      />
      <TextField
        id="storeAddress"
        label="Store address"
        value={form.storeAddress}
        locked={isLocked('storeAddress')}
        error={errors.storeAddress}
        onChange={(storeAddress) => set({ storeAddress })}
      />
      <TextField
        id="currency"
        label="Currency (3 letters, e.g. USD)"
        maxLength={3}
        value={form.currency}
        locked={isLocked('currency')}
        error={errors.currency}
        onChange={(currency) => set({ currency })}
      />
      <div className="field">
        <label htmlFor="amountEntry">Amounts typed without a decimal point</label>
        <select
          id="amountEntry"
          value={form.amountEntry}
          disabled={isLocked('amountEntry')}
          onChange={(e) => set({ amountEntry: e.target.value === 'whole-units' ? 'whole-units' : 'cash-register' })}
        >
          <option value="cash-register">Cash register: 2450 is 24.50</option>
          <option value="whole-units">Whole amounts: 2450 is 2450.00</option>
        </select>
      </div>
    </fieldset>
  );
}

interface ReceiptProps extends FieldsetProps {
  testPage: ReturnType<typeof useCommand<{ jobId: string }>>;
  onTestPage(): void;
}

export function ReceiptFields({ form, set, errors, isLocked, testPage, onTestPage }: ReceiptProps) {
  return (
    <fieldset>
      <legend>Receipts</legend>
      <div className="field">
        <label htmlFor="printerKind">Printer</label>
        <select
          id="printerKind"
          value={form.printer.kind}
          disabled={isLocked('printer')}
          onChange={(e) => set({ printer: { ...form.printer, kind: e.target.value as SettingsFormState['printer']['kind'] } })}
        >
          <option value="none">No printer</option>
          <option value="system">System printer</option>
          <option value="network">Network receipt printer</option>
          <option value="pdf">Save as PDF</option>
        </select>
      </div>
      {form.printer.kind === 'system' && (
        <TextField
          id="systemName"
          label="System printer name"
          value={form.printer.systemName}
          error={errors['printer.systemName']}
          onChange={(systemName) => set({ printer: { ...form.printer, systemName } })}
        />
      )}
      {form.printer.kind === 'network' && (
        <>
          <TextField
            id="printerHost"
            label="Printer address"
            value={form.printer.host}
            error={errors['printer.host']}
            onChange={(host) => set({ printer: { ...form.printer, host } })}
          />
          <TextField
            id="printerPort"
            label="Printer port"
            type="number"
            value={String(form.printer.port)}
            error={errors['printer.port']}
            onChange={(port) => set({ printer: { ...form.printer, port: Number(port) || 0 } })}
          />
        </>
      )}
      <div className="field">
        <label htmlFor="paperWidth">Paper width</label>
        <select
          id="paperWidth"
          value={form.printer.paperWidthMm}
          onChange={(e) => set({ printer: { ...form.printer, paperWidthMm: e.target.value === '58' ? 58 : 80 } })}
        >
          <option value="58">58 mm</option>
          <option value="80">80 mm</option>
        </select>
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.autoPrint} disabled={isLocked('autoPrint')} onChange={(e) => set({ autoPrint: e.target.checked })} />
        Print the receipt automatically after an approval
      </label>
      <button type="button" className="secondary" disabled={testPage.busy} onClick={onTestPage}>
        Print a test page
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
  return (
    <fieldset>
      <legend>Updates</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={form.updatesEnabled}
          disabled={isLocked('updatesEnabled')}
          onChange={(e) => set({ updatesEnabled: e.target.checked })}
        />
        Install updates automatically (never during a payment)
      </label>
    </fieldset>
  );
}
