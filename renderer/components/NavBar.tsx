import { usePos } from '../store/context';
import type { Screen } from '../store/ui-slice';
import { useT } from '../i18n/useT';

/** The screens and their function keys; `label` is a catalogue key. */
export const SCREENS: { screen: Screen; label: string; key: string }[] = [
  { screen: 'checkout', label: 'common.nav.checkout', key: 'F1' },
  { screen: 'history', label: 'common.nav.history', key: 'F2' },
  { screen: 'endOfDay', label: 'common.nav.endOfDay', key: 'F3' },
  { screen: 'settings', label: 'common.nav.settings', key: 'F9' },
  { screen: 'diagnostics', label: 'common.nav.diagnostics', key: 'F10' },
];

export function NavBar() {
  const t = useT();
  const screen = usePos((s) => s.screen);
  const setScreen = usePos((s) => s.setScreen);
  return (
    <nav aria-label={t.t('common.nav.label')} className="nav">
      {SCREENS.map((item) => (
        <button
          key={item.screen}
          type="button"
          aria-current={screen === item.screen ? 'page' : undefined}
          aria-keyshortcuts={item.key}
          onClick={() => setScreen(item.screen)}
        >
          {t.t(item.label)} <kbd>{item.key}</kbd>
        </button>
      ))}
    </nav>
  );
}
