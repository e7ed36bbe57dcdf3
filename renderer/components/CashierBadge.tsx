import { useCommand } from '../hooks/useCommand';
import { useBridge, usePos } from '../store/context';
import type { PeopleView } from '../../shared/ipc';

/** Who is signed in, in the top bar, with the quick switch (sign out; the next cashier signs in). */
export function CashierBadge() {
  const session = usePos((s) => (s.people.roles === 'on' ? s.people.session : null));
  const bridge = useBridge();
  const signOut = useCommand<PeopleView>();
  if (!session) return null;
  return (
    <div className="cashier-badge" role="group" aria-label="Signed in">
      <span>
        Signed in: <strong>{session.name}</strong> {session.role === 'manager' && <span className="muted">(manager)</span>}
      </span>
      <button type="button" className="secondary" onClick={() => void signOut.run(() => bridge.signOut({}))}>
        Switch cashier
      </button>
    </div>
  );
}
