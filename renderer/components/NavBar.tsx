import { usePos } from '../store/context';
import type { Screen } from '../store/ui-slice';

export const SCREENS: { screen: Screen; label: string; key: string }[] = [
  { screen: 'checkout', label: 'Checkout', key: 'F1' },
  { screen: 'history', label: 'History', key: 'F2' },
  { screen: 'endOfDay', label: 'End of day', key: 'F3' },
  { screen: 'settings', label: 'Settings', key: 'F9' },
  { screen: 'diagnostics', label: 'Diagnostics', key: 'F10' },
];

export function NavBar() {
  const screen = usePos((s) => s.screen);
  const setScreen = usePos((s) => s.setScreen);
  return (
    <nav aria-label="Screens" className="nav">
      {SCREENS.map((item) => (
        <button
          key={item.screen}
          type="button"
          aria-current={screen === item.screen ? 'page' : undefined}
          aria-keyshortcuts={item.key}
          onClick={() => setScreen(item.screen)}
        >
          {item.label} <kbd>{item.key}</kbd>
        </button>
      ))}
    </nav>
  );
}
