import { ModalDialog } from './ModalDialog';
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ApprovalAction } from '../../shared/ipc';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { useBridge, usePos } from '../store/context';
import { needsManager } from '../store/people-slice';
import { PinPad, pinDigits } from './PinPad';
import { useT } from '../i18n/useT';

/** What the dialog says is being approved: catalogue key `common.approval.what.<action>`. */

/**
 * The manager's PIN, asked on the spot (one hook for every screen, shifts included): `ask` resolves
 * with an approval token to send with the command, `undefined` when none is needed (roles off or a
 * manager signed in: the core checks that too), or `null` when the cashier cancelled.
 */
export function useManagerApproval(): { ask(action: ApprovalAction, subject?: string): Promise<string | undefined | null>; dialog: ReactNode } {
  const people = usePos((s) => s.people);
  const [pending, setPending] = useState<{ action: ApprovalAction; subject?: string; done(token: string | null): void } | null>(null);
  const ask = useCallback(
    (action: ApprovalAction, subject?: string) => {
      if (!needsManager(people)) return Promise.resolve(undefined);
      return new Promise<string | null>((resolve) =>
        setPending({
          action,
          ...(subject !== undefined ? { subject } : {}),
          done: (token) => {
            setPending(null);
            resolve(token);
          },
        }),
      );
    },
    [people],
  );
  // A portal: the asking screen may be inside a form (ResolveForm), and forms must not nest.
  const dialog = pending
    ? createPortal(
        <ManagerApprovalDialog action={pending.action} {...(pending.subject ? { subject: pending.subject } : {})} onDone={pending.done} />,
        document.body,
      )
    : null;
  return { ask, dialog };
}

export function ManagerApprovalDialog({ action, subject, onDone }: { action: ApprovalAction; subject?: string; onDone(token: string | null): void }) {
  const t = useT();
  const bridge = useBridge();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useFocusOnMount<HTMLInputElement>(action);
  const finished = useRef(false);
  const done = (token: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(token);
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || pin.length < 4) return;
    setBusy(true);
    const result = await bridge.approveManager({ pin, action, ...(subject ? { subject } : {}) });
    setBusy(false);
    setPin('');
    if (result.ok) done(result.value.token);
    else setError(t.say(result.error.msg, result.error.message));
  };
  return (
    <ModalDialog className="approval-dialog" overlayClassName="approval-overlay" titleId="approval-title" textId="approval-text" onEscape={() => done(null)}>
      <h2 id="approval-title">{t.t('common.approval.title')}</h2>
      <p id="approval-text">
        {t.t(`common.approval.what.${action}`)} {t.t('common.approval.explain')}
      </p>
      <form onSubmit={(e) => void submit(e)} className="pin-form">
        <label htmlFor="approval-pin">{t.t('common.approval.pinLabel')}</label>
        <input
          id="approval-pin"
          ref={inputRef}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(pinDigits(e.target.value))}
          aria-describedby={error ? 'approval-error' : undefined}
        />
        <PinPad label={t.t('common.approval.pinPad')} onDigit={(d) => setPin((p) => pinDigits(p + d))} onDelete={() => setPin((p) => p.slice(0, -1))} />
        {error && (
          <p id="approval-error" role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="result-actions">
          <button type="submit" className="primary big" aria-disabled={busy || pin.length < 4}>
            {t.t('common.approval.approve')}
          </button>
          <button type="button" className="secondary" onClick={() => done(null)}>
            {t.t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
