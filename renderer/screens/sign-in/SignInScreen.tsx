import { useState, type FormEvent } from 'react';
import type { PeopleView, PersonView } from '../../../shared/ipc';
import { PinPad, pinDigits } from '../../components/PinPad';
import { useCommand } from '../../hooks/useCommand';
import { useFocusOnMount } from '../../hooks/useFocusOnMount';
import { useTimeLeft } from '../../hooks/useTimeLeft';
import { useBridge, usePos } from '../../store/context';
import { FirstManagerForm, RolesQuestion } from './FirstRun';
import { useT } from '../../i18n/useT';

/**
 * The till opens here when roles are on: choose your name, type your PIN (keyboard or the on-screen
 * pad), Sign in. Demo mode lists its training people with their PINs, so a newcomer is at a working
 * till within seconds. An install from before roles is asked once; a new one makes its first manager.
 */
export function SignInScreen() {
  const t = useT();
  const people = usePos((s) => s.people);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(people.roles + String(people.needsFirstManager));
  return (
    <section className="screen sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" ref={headingRef} tabIndex={-1}>
        {t.t(people.roles === 'ask' ? 'common.signIn.askTitle' : people.needsFirstManager ? 'common.signIn.firstManagerTitle' : 'common.signIn.title')}
      </h1>
      {people.roles === 'ask' ? <RolesQuestion /> : people.needsFirstManager ? <FirstManagerForm /> : <SignInForm people={people} />}
    </section>
  );
}

function SignInForm({ people }: { people: PeopleView }) {
  const t = useT();
  const bridge = useBridge();
  const [chosen, setChosen] = useState<string>(people.people.length === 1 ? people.people[0]!.id : '');
  const [pin, setPin] = useState('');
  const signIn = useCommand<PeopleView>();
  const person = people.people.find((p) => p.id === chosen);
  const blocker = !person ? t.t('common.signIn.chooseName') : pin.length < 4 ? t.t('common.signIn.typePin') : null;
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
        <legend>{t.t('common.signIn.who')}</legend>
        {people.people.map((p) => (
          <PersonChoice key={p.id} person={p} checked={chosen === p.id} onChoose={() => setChosen(p.id)} />
        ))}
      </fieldset>
      <div className="sign-in-pin">
        <label htmlFor="sign-in-pin">{t.t('common.signIn.pin')}</label>
        <input id="sign-in-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
        <PinPad label={t.t('common.signIn.pinPad')} onDigit={(d) => setPin((p) => pinDigits(p + d))} onDelete={() => setPin((p) => p.slice(0, -1))} />
        <button type="submit" className="primary big" aria-disabled={blocker !== null || signIn.busy} aria-describedby="sign-in-why">
          {t.t('common.signIn.submit')}
        </button>
        <p id="sign-in-why" className="pay-reason">
          {blocker ?? t.t('common.signIn.as', { name: person?.name ?? '' })}
        </p>
        {signIn.error && (
          <p role="alert" className="error-text">
            {signIn.error}
          </p>
        )}
        {training.length > 0 && (
          <p className="training-pins">
            {t.t('common.signIn.training', {
              people: training.map((p) => t.t('common.signIn.trainingPerson', { name: p.name, pin: p.trainingPin ?? '' })).join(' · '),
            })}
          </p>
        )}
      </div>
    </form>
  );
}

function PersonChoice({ person, checked, onChoose }: { person: PersonView; checked: boolean; onChoose(): void }) {
  const t = useT();
  const msLeft = useTimeLeft();
  const locked = person.lockedUntil !== undefined && msLeft(person.lockedUntil) > 0;
  return (
    <label className="choice">
      <input type="radio" name="sign-in-person" value={person.id} checked={checked} onChange={onChoose} />
      <bdi>{person.name}</bdi> <span className="muted">{t.t(`common.signIn.role.${person.role}`)}</span>
      {locked && <span className="badge tone-bad"> {t.t('common.signIn.locked')}</span>}
    </label>
  );
}
