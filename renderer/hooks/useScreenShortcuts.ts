import { useEffect } from 'react';
import { SCREENS } from '../components/NavBar';
import { usePosStoreApi } from '../store/context';
import { selectVisibleAlertCount } from '../store/selectors';

/** F1/F2/F3/F9/F10 switch screens, except while a void alert is open (it must be answered first). */
export function useScreenShortcuts(): void {
  const store = usePosStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const item = SCREENS.find((s) => s.key === event.key);
      if (!item) return;
      event.preventDefault(); // F1 would open browser help.
      if (selectVisibleAlertCount(store.getState()) > 0) return;
      store.getState().setScreen(item.screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
