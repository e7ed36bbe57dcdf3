import { ConnectionBanner } from './ConnectionBanner';
import { DemoRibbon } from './DemoRibbon';
import { NavBar } from './NavBar';
import { UpdateNotice } from './UpdateNotice';

export function TopBar() {
  return (
    <header className="top-bar">
      <DemoRibbon />
      <ConnectionBanner />
      <UpdateNotice />
      <NavBar />
    </header>
  );
}
