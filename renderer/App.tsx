import { TopBar } from './components/TopBar';
import { VoidAlertDialog } from './components/VoidAlertDialog';
import { useCheckoutPresence } from './hooks/useCheckoutPresence';
import { useScreenShortcuts } from './hooks/useScreenShortcuts';
import { CheckoutScreen } from './screens/checkout/CheckoutScreen';
import { EndOfDayScreen } from './screens/end-of-day/EndOfDayScreen';
import { HistoryScreen } from './screens/history/HistoryScreen';
import { DiagnosticsScreen } from './screens/settings/DiagnosticsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { usePos } from './store/context';
import { useT } from './i18n/useT';
import { useIdleLock } from './hooks/useIdleLock';
import { needsSignIn } from './store/people-slice';
import { SignInScreen } from './screens/sign-in/SignInScreen';
import { selectScreen, selectVisibleAlertCount } from './store/selectors';

/** The cashier window: top bar, the current screen, and the void alert above everything. */
export function App() {
  const t = useT();
  const screen = usePos(selectScreen);
  const synced = usePos((s) => s.synced);
  const syncError = usePos((s) => s.syncError);
  const syncErrorMsg = usePos((s) => s.syncErrorMsg);
  const alertOpen = usePos(selectVisibleAlertCount) > 0;
  useScreenShortcuts();
  useCheckoutPresence();
  useIdleLock();
  const signedOut = usePos((s) => needsSignIn(s.people) || s.people.roles === 'ask');

  return (
    <>
      {/* inert: while a void alert is open nothing behind it can be reached, by mouse or keyboard. */}
      <div className="app" inert={alertOpen}>
        <TopBar />
        <main id="main" className="main">
          {!synced ? (
            <section className="screen" aria-labelledby="loading-title">
              <h1 id="loading-title">{t.t('common.loading.title')}</h1>
              <p role="status">{syncError ? t.t('common.loading.stillTrying', { error: t.say(syncErrorMsg, syncError) }) : t.t('common.loading.detail')}</p>
            </section>
          ) : signedOut ? (
            <SignInScreen />
          ) : screen === 'history' ? (
            <HistoryScreen />
          ) : screen === 'endOfDay' ? (
            <EndOfDayScreen />
          ) : screen === 'settings' ? (
            <SettingsScreen />
          ) : screen === 'diagnostics' ? (
            <DiagnosticsScreen />
          ) : (
            <CheckoutScreen />
          )}
        </main>
      </div>
      <VoidAlertDialog />
    </>
  );
}
