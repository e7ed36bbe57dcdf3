import { useState, type FormEvent } from 'react';
import type { PeopleView } from '../../../shared/ipc';
import { pinDigits } from '../../components/PinPad';
import { useCommand } from '../../hooks/useCommand';
import { useBridge } from '../../store/context';

/** An install from before roles existed is asked once: sign-in on (then its first manager) or off (as before). */
export function RolesQuestion() {
  const bridge = useBridge();
  const choose = useCommand<PeopleView>();
  return (
    <div className="first-run">
      <p>
        Checkstand can ask each cashier to sign in with a PIN, record who took each payment, and ask for a manager&apos;s PIN before Settings or a payment
        settled by hand. Turn cashier sign-in on for this till?
      </p>
      <div className="result-actions">
        <button type="button" className="primary big" onClick={() => void choose.run(() => bridge.chooseRoles({ on: true }))}>
          Yes — cashiers sign in
        </button>
        <button type="button" className="secondary" onClick={() => void choose.run(() => bridge.chooseRoles({ on: false }))}>
          No — keep working without sign-in
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
  const bridge = useBridge();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const create = useCommand<PeopleView>();
  const blocker =
    name.trim() === '' ? 'Enter the manager’s name.' : pin.length < 4 ? 'Choose a PIN of 4 to 8 digits.' : pin !== again ? 'Type the same PIN twice.' : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!blocker) void create.run(() => bridge.createFirstManager({ name: name.trim(), pin }));
  };
  return (
    <form className="first-run" onSubmit={submit}>
      <p>Nobody can sign in to this till yet. The first person is its manager: they add the cashiers in Settings → People.</p>
      <div className="field">
        <label htmlFor="first-name">Manager&apos;s name</label>
        <input id="first-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="first-pin">PIN (4 to 8 digits)</label>
        <input id="first-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
      </div>
      <div className="field">
        <label htmlFor="first-pin-again">The same PIN again</label>
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
        Create manager and sign in
      </button>
      <p id="first-why" className="pay-reason">
        {blocker ?? 'The PIN is stored only as a salted hash.'}
      </p>
      {create.error && (
        <p role="alert" className="error-text">
          {create.error}
        </p>
      )}
    </form>
  );
}
