import { useState, type FormEvent } from 'react';
import type { CommandResponse, SettingsView } from '../../../shared/ipc';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useBridge, usePos } from '../../store/context';
import { ManagerApprovalDialog } from '../../components/ManagerApproval';
import { needsManager } from '../../store/people-slice';
import { PeopleSection } from './PeopleSection';
import { TillLockFields } from './TillLockFields';
import { formFromView, inputFromForm, type SettingsFormState } from './settings-form';
import { GatewayFields, ReceiptFields, StoreFields, UpdateFields, type FieldsetProps } from './SettingsFieldsets';
import { TillFields } from './TillFields';
import { useSaidCommand } from './said-command';

type SaveResponse = CommandResponse<'saveSettings'>;

/** Connection, store and printer settings. Secrets are never shown, only their masked hint. */
export function SettingsScreen() {
  const t = useT();
  const view = usePos((s) => s.settings);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  // People: Settings open only with a manager's approval (asked on the spot; the core checks it on save).
  const gated = usePos((s) => needsManager(s.people) && s.settingsApproval === null);
  const setApproval = usePos((s) => s.setSettingsApproval);
  const setScreen = usePos((s) => s.setScreen);
  if (!view) return <p>{t.t('settings.loading')}</p>;
  if (gated) return <ManagerApprovalDialog action="settings" onDone={(token) => (token ? setApproval(token) : setScreen('checkout'))} />;
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title" ref={headingRef} tabIndex={-1}>
        {t.t('settings.title')}
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
  const t = useT();
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
  // The core's field errors as it sent them; their words follow the window's language.
  const [fieldErrors, setFieldErrors] = useState<Extract<SaveResponse, { saved: false }>['errors']>([]);
  const errors: Record<string, string> = Object.fromEntries(fieldErrors.map((e) => [e.field, t.say(e.msg, e.message)]));
  const [saved, setSaved] = useState(false);
  const save = useSaidCommand<SaveResponse>();
  const testPage = useSaidCommand<{ jobId: string }>();
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
    return p ? t.t('settings.config_error', { problem: t.say(p.problemMsg, p.problem), source: t.say(p.sourceMsg, p.source) }) : undefined;
  };
  const wholeFileProblems = blocking.filter((b) => !['endpoint', 'groupId', 'apiKey', 'apiSecret'].includes(b.field ?? ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(() => bridge.saveSettings({ ...inputFromForm(form), ...(approval ? { approval } : {}) }));
    // People: an expired approval asks for the manager's PIN again instead of leaving Settings stuck.
    if (result && !result.ok && result.error.code === 'not_allowed' && approval) setApproval(null);
    if (!result?.ok) return;
    if (result.value.saved) {
      setFieldErrors([]);
      setSaved(true);
    } else {
      setFieldErrors(result.value.errors);
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
        {t.t('settings.save')}
      </button>
      <div role="status">{saved ? t.t('settings.saved') : ''}</div>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error-text">
          {t.t('settings.fix_errors')}
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
