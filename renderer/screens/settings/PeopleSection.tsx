import { useState, type FormEvent } from 'react';
import type { PeopleView, PersonView, Role } from '../../../shared/ipc';
import { pinDigits } from '../../components/PinPad';
import { useCommand } from '../../hooks/useCommand';
import { useNow } from '../../hooks/useNow';
import { useBridge, usePos } from '../../store/context';

/**
 * People (behind the manager's approval, like the rest of Settings): add a cashier or manager, change
 * a name, role or PIN, remove someone, lift a lockout. The core checks the approval for each.
 */
export function PeopleSection() {
  const people = usePos((s) => s.people);
  const approval = usePos((s) => s.settingsApproval);
  const bridge = useBridge();
  const change = useCommand<PeopleView>();
  const now = useNow(1_000);
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  if (people.roles !== 'on') return null;
  const token = approval ? { approval } : {};
  const staff = people.people.filter((p) => !p.trainingPin);
  return (
    <section className="people-section" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.role}</td>
              <td className="row-actions">
                <button type="button" className="secondary" onClick={() => setEditing(p)}>
                  Change {p.name}
                </button>
                {p.lockedUntil !== undefined && p.lockedUntil > now && (
                  <button type="button" className="secondary" onClick={() => void change.run(() => bridge.unlockPerson({ id: p.id, ...token }))}>
                    Lift lock for {p.name}
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => void change.run(() => bridge.removePerson({ id: p.id, ...token }))}>
                  Remove {p.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => setEditing('new')}>
        Add a person
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
  const bridge = useBridge();
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const save = useCommand<PeopleView>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(() =>
      bridge.savePerson({ name: name.trim(), role, ...(person ? { id: person.id } : {}), ...(pin ? { pin } : {}), ...(approval ? { approval } : {}) }),
    );
    if (result?.ok) onDone();
  };
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)} aria-labelledby="person-form-title">
      <h3 id="person-form-title">{person ? `Change ${person.name}` : 'Add a person'}</h3>
      <div className="field">
        <label htmlFor="person-name">Name</label>
        <input id="person-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="person-role">Role</label>
        <select id="person-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="cashier">Cashier</option>
          <option value="manager">Manager</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-pin">{person ? 'New PIN (empty keeps the PIN)' : 'PIN (4 to 8 digits)'}</label>
        <input id="person-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(pinDigits(e.target.value))} />
      </div>
      <div className="result-actions">
        <button type="submit" className="primary" aria-disabled={save.busy}>
          Save person
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
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
