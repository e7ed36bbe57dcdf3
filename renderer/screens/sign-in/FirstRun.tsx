import { useState, type FormEvent } from 'react';
import type { PeopleView } from '../../../shared/ipc';
import { pinDigits } from '../../components/PinPad';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';
import { useT } from '../../i18n/useT';

/** An install from before roles existed is asked once: sign-in on (then its first manager) or off (as before). */
export function RolesQuestion() {
  const t = useT();
  const bridge = useBridge();
  const choose = useCommand<PeopleView>();
  return (
    <div className="first-run">
      <p>{t.t('common.firstRun.question')}</p>
      <div className="result-actions">
        <button type="button" className="primary big" onClick={() => void choose.run(() => bridge.chooseRoles({ on: true }))}>
          {t.t('common.firstRun.yes')}
        </button>
        <button type="button" className="secondary" onClick={() => void choose.run(() => bridge.chooseRoles({ on: false }))}>
          {t.t('common.firstRun.no')}
        </button>
      </div>
      {choose.error && (
        <p role="alert" className="error-text">
          {choose.error}
        </p>
      )}
    </div>
  );
}

/** The first run with roles on and nobody yet: the person at the till becomes its first manager. */
export function FirstManagerForm() {
  const t = useT();
  const bridge = useBridge();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const create = useCommand<PeopleView>();
  const blocker =
    name.trim() === ''
      ? t.t('common.firstRun.enterName')
      : pin.length < 4
        ? t.t('common.firstRun.choosePin')
        : pin !== again
          ? t.t('common.firstRun.samePin')
          : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!blocker) void create.run(() => bridge.createFirstManager({ name: name.trim(), pin }));
  };
  return (
    <form className="first-run" onSubmit={submit}>
      <p>{t.t('common.firstRun.intro')}</p>
      <div className="field">
        <label htmlFor="first-name">{t.t('common.firstRun.name')}</label>
        <input id="first-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="first-pin">{t.t('common.firstRun.pin')}</label>
        <input id="first-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
      </div>
      <div className="field">
        <label htmlFor="first-pin-again">{t.t('common.firstRun.pinAgain')}</label>
        <input
          id="first-pin-again"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={again}
          onChange={(e) => setAgain(pinDigits(e.target.value))}
        />
      </div>
      <button type="submit" className="primary big" aria-disabled={blocker !== null || create.busy} aria-describedby="first-why">
        {t.t('common.firstRun.submit')}
      </button>
      <p id="first-why" className="pay-reason">
        {blocker ?? t.t('common.firstRun.hashed')}
      </p>
      {create.error && (
        <p role="alert" className="error-text">
          {create.error}
        </p>
      )}
    </form>
  );
}
