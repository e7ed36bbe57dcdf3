import { useState, type FormEvent } from 'react';
import type { PeopleView, PersonView } from '../../../shared/ipc';
import { PinPad, pinDigits } from '../../components/PinPad';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useNow } from '../../hooks/useNow';
import { useBridge, usePos } from '../../store/context';
import { FirstManagerForm, RolesQuestion } from './FirstRun';

/**
 * The till opens here when roles are on: choose your name, type your PIN (keyboard or the on-screen
 * pad), Sign in. Demo mode lists its training people with their PINs, so a newcomer is at a working
 * till within seconds. An install from before roles is asked once; a new one makes its first manager.
 */
export function SignInScreen() {
  const people = usePos((s) => s.people);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(people.roles + String(people.needsFirstManager));
  return (
    <section className="screen sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={headingRef} tabIndex={-1}>
        {people.roles === 'ask' ? 'Cashier sign-in' : people.needsFirstManager ? 'Create the first manager' : 'Sign in'}
      </h1>
      {people.roles === 'ask' ? <RolesQuestion /> : people.needsFirstManager ? <FirstManagerForm /> : <SignInForm people={people} />}
    </section>
  );
}

function SignInForm({ people }: { people: PeopleView }) {
  const bridge = useBridge();
  const [chosen, setChosen] = useState<string>(people.people.length === 1 ? people.people[0]!.id : '');
  const [pin, setPin] = useState('');
  const signIn = useCommand<PeopleView>();
  const person = people.people.find((p) => p.id === chosen);
  const blocker = !person ? 'Choose your name.' : pin.length < 4 ? 'Type your PIN (4 to 8 digits).' : null;
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (blocker || !person) return;
    await signIn.run(() => bridge.signIn({ personId: person.id, pin }));
    setPin('');
  };
  const training = people.people.filter((p) => p.trainingPin);
  return (
    <form className="sign-in-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="sign-in-names">
        <legend>Who are you?</legend>
        {people.people.map((p) => (
          <PersonChoice key={p.id} person={p} checked={chosen === p.id} onChoose={() => setChosen(p.id)} />
        ))}
      </fieldset>
      <div className="sign-in-pin">
        <label htmlFor="sign-in-pin">PIN</label>
        <input id="sign-in-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
        <PinPad label="PIN pad" onDigit={(d) => setPin((p) => pinDigits(p + d))} onDelete={() => setPin((p) => p.slice(0, -1))} />
        <button type="submit" className="primary big" aria-disabled={blocker !== null || signIn.busy} aria-describedby="sign-in-why">
          Sign in
        </button>
        <p id="sign-in-why" className="pay-reason">
          {blocker ?? `Signing in as ${person?.name}.`}
        </p>
        {signIn.error && (
          <p role="alert" className="error-text">
            {signIn.error}
          </p>
        )}
        {training.length > 0 && <p className="training-pins">Demo mode: {training.map((p) => `${p.name} PIN ${p.trainingPin}`).join(' · ')}</p>}
      </div>
    </form>
  );
}

function PersonChoice({ person, checked, onChoose }: { person: PersonView; checked: boolean; onChoose(): void }) {
  const now = useNow(1_000);
  const locked = person.lockedUntil !== undefined && person.lockedUntil > now;
  return (
    <label className="choice">
      <input type="radio" name="sign-in-person" value={person.id} checked={checked} onChange={onChoose} />
      {person.name} <span className="muted">({person.role})</span>
      {locked && <span className="badge tone-bad"> locked after wrong PINs</span>}
    </label>
  );
}
