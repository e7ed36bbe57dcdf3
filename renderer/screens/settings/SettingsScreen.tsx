import { useState, type FormEvent } from 'react';
import type { CommandResponse, SettingsView } from '../../../shared/ipc';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useBridge, usePos } from '../../store/context';
import { ManagerApprovalDialog } from '../../components/ManagerApproval';
import { needsManager } from '../../store/people-slice';
import { PeopleSection } from './PeopleSection';
import { TillLockFields } from './TillLockFields';
import { formFromView, inputFromForm, type SettingsFormState } from './settings-form';
import { GatewayFields, ReceiptFields, StoreFields, UpdateFields, type FieldsetProps } from './SettingsFieldsets';
import { TillFields } from './TillFields';

type SaveResponse = CommandResponse<'saveSettings'>;

/** Connection, store and printer settings. Secrets are never shown, only their masked hint. */
export function SettingsScreen() {
  const view = usePos((s) => s.settings);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  // People: Settings open only with a manager's approval (asked on the spot; the core checks it on save).
  const gated = usePos((s) => needsManager(s.people) && s.settingsApproval === null);
  const setApproval = usePos((s) => s.setSettingsApproval);
  const setScreen = usePos((s) => s.setScreen);
  if (!view) return <p>Loading settings…</p>;
  if (gated) return <ManagerApprovalDialog action="settings" onDone={(token) => (token ? setApproval(token) : setScreen('checkout'))} />;
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title" ref={headingRef} tabIndex={-1}>
        Settings
      </h1>
      <SettingsForm view={view} />
      <PeopleSection />
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
  const approval = usePos((s) => s.settingsApproval);
  const setApproval = usePos((s) => s.setSettingsApproval);
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
  // Money-truth rule 1: a gateway setting that blocks payments says so next to its field.
  const paused = usePos((s) => s.paused);
  const blocking = paused.filter((p) => p.kind === 'settings');
  const configError = (field: string) => {
    const p = blocking.find((b) => b.field === field);
    return p ? `${p.problem} (set in ${p.source}; payments are blocked until it is fixed)` : undefined;
  };
  const wholeFileProblems = blocking.filter((b) => !['endpoint', 'groupId', 'apiKey', 'apiSecret'].includes(b.field ?? ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(() => bridge.saveSettings({ ...inputFromForm(form), ...(approval ? { approval } : {}) }));
    // People: an expired approval asks for the manager's PIN again instead of leaving Settings stuck.
    if (result && !result.ok && result.error.code === 'not_allowed' && approval) setApproval(null);
    if (!result?.ok) return;
    if (result.value.saved) {
      setErrors({});
      setSaved(true);
    } else {
      setErrors(Object.fromEntries(result.value.errors.map((e) => [e.field, e.message])));
    }
  };

  const fields: FieldsetProps = { form, set, errors, isLocked };
  return (
    <form onSubmit={(e) => void submit(e)} className="settings-form">
      <GatewayFields {...fields} hints={hints} configError={configError} wholeFileProblems={wholeFileProblems} />
      <StoreFields {...fields} />
      <TillFields {...fields} />
      <ReceiptFields {...fields} testPage={testPage} onTestPage={() => void testPage.run(() => bridge.printTestPage({}))} />
      <UpdateFields {...fields} />
      <TillLockFields {...fields} />
      {/* aria-disabled, not disabled: a disabled button loses focus, which would drop to the page. */}
      <button type="submit" className="primary" aria-disabled={save.busy}>
        Save settings
      </button>
      <div role="status">{saved ? 'Settings saved.' : ''}</div>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error-text">
          Some settings need fixing; see the messages above.
        </p>
      )}
      {save.error && (
        <p role="alert" className="error-text">
          {save.error}
        </p>
      )}
    </form>
  );
}
