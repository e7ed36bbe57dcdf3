import { ConnectionBanner } from './ConnectionBanner';
import { DemoRibbon } from './DemoRibbon';
import { NavBar } from './NavBar';
import { CashierBadge } from './CashierBadge';
import { usePos } from '../store/context';
import { needsSignIn } from '../store/people-slice';
import { UpdateNotice } from './UpdateNotice';

export function TopBar() {
  // People: no screens to switch to before someone signs in.
  const signedOut = usePos((s) => needsSignIn(s.people) || s.people.roles === 'ask');
  return (
    <header className="top-bar">
      <DemoRibbon />
      <ConnectionBanner />
      <UpdateNotice />
      <div className="top-bar-row">
        {!signedOut && <NavBar />}
        <CashierBadge />
      </div>
    </header>
  );
}
