import { useState, type FormEvent } from 'react';
import type { PeopleView, PersonView, Role } from '../../../shared/ipc';
import { pinDigits } from '../../components/PinPad';
import { useTimeLeft } from '../../hooks/useTimeLeft';
import { useT } from '../../i18n/useT';
import { useBridge, usePos } from '../../store/context';
import { useSaidCommand } from './said-command';

/**
 * People (behind the manager's approval, like the rest of Settings): add a cashier or manager, change
 * a name, role or PIN, remove someone, lift a lockout. The core checks the approval for each.
 */
export function PeopleSection() {
  const t = useT();
  const people = usePos((s) => s.people);
  const approval = usePos((s) => s.settingsApproval);
  const bridge = useBridge();
  const change = useSaidCommand<PeopleView>();
  const msLeft = useTimeLeft();
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  if (people.roles !== 'on') return null;
  const token = approval ? { approval } : {};
  const staff = people.people.filter((p) => !p.trainingPin);
  return (
    <section className="people-section" aria-labelledby="people-title">
      <h2 id="people-title">{t.t('settings.people.title')}</h2>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{t.t('settings.people.name')}</th>
            <th scope="col">{t.t('settings.people.role')}</th>
            <th scope="col">{t.t('settings.people.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((p) => (
            <tr key={p.id}>
              <td>
                <bdi>{p.name}</bdi>
              </td>
              <td>{t.t(`settings.people.role.${p.role}`)}</td>
              <td className="row-actions">
                <button type="button" className="secondary" onClick={() => setEditing(p)}>
                  {t.t('settings.people.change', { name: p.name })}
                </button>
                {p.lockedUntil !== undefined && msLeft(p.lockedUntil) > 0 && (
                  <button type="button" className="secondary" onClick={() => void change.run(() => bridge.unlockPerson({ id: p.id, ...token }))}>
                    {t.t('settings.people.unlock', { name: p.name })}
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => void change.run(() => bridge.removePerson({ id: p.id, ...token }))}>
                  {t.t('settings.people.remove', { name: p.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => setEditing('new')}>
        {t.t('settings.people.add')}
      </button>
      {change.error && (
        <p role="alert" className="error-text">
          {change.error}
        </p>
      )}
      {editing && (
        <PersonForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          approval={approval}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function PersonForm({ person, approval, onDone }: { person: PersonView | null; approval: string | null; onDone(): void }) {
  const t = useT();
  const bridge = useBridge();
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const save = useSaidCommand<PeopleView>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(() =>
      bridge.savePerson({ name: name.trim(), role, ...(person ? { id: person.id } : {}), ...(pin ? { pin } : {}), ...(approval ? { approval } : {}) }),
    );
    if (result?.ok) onDone();
  };
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)} aria-labelledby="person-form-title">
      <h3 id="person-form-title">{person ? t.t('settings.people.change', { name: person.name }) : t.t('settings.people.add')}</h3>
      <div className="field">
        <label htmlFor="person-name">{t.t('settings.people.name')}</label>
        <input id="person-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="person-role">{t.t('settings.people.role')}</label>
        <select id="person-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="cashier">{t.t('settings.people.role.cashier')}</option>
          <option value="manager">{t.t('settings.people.role.manager')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-pin">{person ? t.t('settings.people.new_pin') : t.t('settings.people.pin')}</label>
        <input id="person-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
      </div>
      <div className="result-actions">
        <button type="submit" className="primary" aria-disabled={save.busy}>
          {t.t('settings.people.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.t('settings.people.cancel')}
        </button>
      </div>
      {save.error && (
        <p role="alert" className="error-text">
          {save.error}
        </p>
      )}
    </form>
  );
}
