import { useCommand } from '../hooks/useCommand';
import { useBridge, usePos } from '../store/context';
import type { PeopleView } from '../../shared/ipc';
import { useT } from '../i18n/useT';
import { GLYPH } from './glyphs';

/** Who is signed in, in the top bar, with the quick switch (sign out; the next cashier signs in). */
export function CashierBadge() {
  const session = usePos((s) => (s.people.roles === 'on' ? s.people.session : null));
  const t = useT();
  const bridge = useBridge();
  const signOut = useCommand<PeopleView>();
  if (!session) return null;
  return (
    <div className="cashier-badge" role="group" aria-label={t.t('common.cashier.signedInLabel')}>
      <span>
        {t.t('common.cashier.signedIn')} <strong>{session.name}</strong>
        {GLYPH.space}
        {session.role === 'manager' && <span className="muted">{t.t('common.cashier.manager')}</span>}
      </span>
      <button type="button" className="secondary" onClick={() => void signOut.run(() => bridge.signOut({}))}>
        {t.t('common.cashier.switch')}
      </button>
    </div>
  );
}
