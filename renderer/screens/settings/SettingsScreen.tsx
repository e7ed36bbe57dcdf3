import { useState, type FormEvent } from 'react';
import type { CommandResponse, SettingsView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useBridge, usePos } from '../../store/context';
import { formFromView, inputFromForm, type SettingsFormState } from './settings-form';
import { TextField } from './TextField';

type SaveResponse = CommandResponse<'saveSettings'>;

/** Connection, store and printer settings. Secrets are never shown, only their masked hint. */
export function SettingsScreen() {
  const view = usePos((s) => s.settings);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  if (!view) return <p>Loading settings…</p>;
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title" ref={headingRef} tabIndex={-1}>
        Settings
      </h1>
      <SettingsForm view={view} />
    </section>
  );
}

/**
 * Not keyed by the view: the `settings` event that follows a save would remount it, losing the
 * "Settings saved." confirmation and dropping focus to the page. Instead the fields are reset
 * from the view whenever its content changes (the secret fields empty again, new values shown).
 */
function SettingsForm({ view }: { view: SettingsView }) {
  const bridge = useBridge();
  const viewKey = JSON.stringify(view);
  const [shownView, setShownView] = useState(viewKey);
  const [form, setForm] = useState(() => formFromView(view));
  if (shownView !== viewKey) {
    // React's "adjust state when a prop changes" pattern: no extra render with stale fields.
    setShownView(viewKey);
    setForm(formFromView(view));
  }
  const locked = view.lockedFields;
  const hints = { apiKey: view.apiKey.hint, apiSecret: view.apiSecret.hint };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useCommand<SaveResponse>();
  const testPage = useCommand<{ jobId: string }>();
  const set = (patch: Partial<SettingsFormState>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const isLocked = (field: string) => locked.includes(field);
  // Issue 13 rule 1: a gateway setting that blocks payments says so next to its field.
  const paused = usePos((s) => s.paused);
  const blocking = paused.filter((p) => p.kind === 'settings');
  const configError = (field: string) => {
    const p = blocking.find((b) => b.field === field);
    return p ? `${p.problem} (set in ${p.source}; payments are blocked until it is fixed)` : undefined;
  };
  const wholeFileProblems = blocking.filter((b) => !['endpoint', 'groupId', 'apiKey', 'apiSecret'].includes(b.field ?? ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(() => bridge.saveSettings(inputFromForm(form)));
    if (!result?.ok) return;
    if (result.value.saved) {
      setErrors({});
      setSaved(true);
    } else {
      setErrors(Object.fromEntries(result.value.errors.map((e) => [e.field, e.message])));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="settings-form">
      <fieldset>
        <legend>Payment gateway</legend>
        {wholeFileProblems.map((p) => (
          <p key={p.message} role="alert" className="error-text">
            {p.message}
          </p>
        ))}
        <TextField id="endpoint" label="Gateway address" type="url" value={form.endpoint} locked={isLocked('endpoint')} error={errors.endpoint ?? configError('endpoint')} onChange={(endpoint) => set({ endpoint })} />
        <TextField id="groupId" label="Group ID" value={form.groupId} locked={isLocked('groupId')} error={errors.groupId ?? configError('groupId')} onChange={(groupId) => set({ groupId })} />
        <TextField
          id="apiKey"
          label="API key"
          type="password"
          value={form.apiKey}
          locked={isLocked('apiKey')}
          error={errors.apiKey ?? configError('apiKey')}
          hint={hints.apiKey ? `Saved key ${hints.apiKey}. Leave empty to keep it.` : 'No key saved.'}
          onChange={(apiKey) => set({ apiKey })}
        />
        <TextField
          id="apiSecret"
          label="API secret (for checking unknown payments)"
          type="password"
          value={form.apiSecret}
          locked={isLocked('apiSecret')}
          error={errors.apiSecret ?? configError('apiSecret')}
          hint={hints.apiSecret ? `Saved secret ${hints.apiSecret}. Leave empty to keep it.` : 'No secret saved.'}
          onChange={(apiSecret) => set({ apiSecret })}
        />
      </fieldset>
      <fieldset>
        <legend>Store</legend>
        <TextField id="storeName" label="Store name" value={form.storeName} locked={isLocked('storeName')} error={errors.storeName} onChange={(storeName) => set({ storeName })} />
        <TextField id="storeAddress" label="Store address" value={form.storeAddress} locked={isLocked('storeAddress')} error={errors.storeAddress} onChange={(storeAddress) => set({ storeAddress })} />
        <TextField id="currency" label="Currency (3 letters, e.g. USD)" maxLength={3} value={form.currency} locked={isLocked('currency')} error={errors.currency} onChange={(currency) => set({ currency })} />
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
          <TextField id="systemName" label="System printer name" value={form.printer.systemName} error={errors['printer.systemName']} onChange={(systemName) => set({ printer: { ...form.printer, systemName } })} />
        )}
        {form.printer.kind === 'network' && (
          <>
            <TextField id="printerHost" label="Printer address" value={form.printer.host} error={errors['printer.host']} onChange={(host) => set({ printer: { ...form.printer, host } })} />
            <TextField id="printerPort" label="Printer port" type="number" value={String(form.printer.port)} error={errors['printer.port']} onChange={(port) => set({ printer: { ...form.printer, port: Number(port) || 0 } })} />
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
        <button type="button" className="secondary" disabled={testPage.busy} onClick={() => void testPage.run(() => bridge.printTestPage({}))}>
          Print a test page
        </button>
        {testPage.error && <p role="alert" className="error-text">{testPage.error}</p>}
      </fieldset>
      <fieldset>
        <legend>Updates</legend>
        <label className="choice">
          <input type="checkbox" checked={form.updatesEnabled} disabled={isLocked('updatesEnabled')} onChange={(e) => set({ updatesEnabled: e.target.checked })} />
          Install updates automatically (never during a payment)
        </label>
      </fieldset>
      {/* aria-disabled, not disabled: a disabled button loses focus, which would drop to the page. */}
      <button type="submit" className="primary" aria-disabled={save.busy}>
        Save settings
      </button>
      <div role="status">{saved ? 'Settings saved.' : ''}</div>
      {Object.keys(errors).length > 0 && <p role="alert" className="error-text">Some settings need fixing; see the messages above.</p>}
      {save.error && <p role="alert" className="error-text">{save.error}</p>}
    </form>
  );
}
