import { useEffect } from 'react';
import { OPEN_PAYMENT_STATES } from '../../shared/ipc';
import { useBridge, usePosStoreApi, usePos } from '../store/context';
import { selectVisibleAlertCount } from '../store/selectors';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * The idle lock: after the configured minutes without a touch or a key, the till signs the cashier
 * out (the sign-in screen shows). Never while a payment is in progress or a void alert is open:
 * the core refuses then too, and the timer simply starts again.
 */
export function useIdleLock(): void {
  const bridge = useBridge();
  const store = usePosStoreApi();
  const signedIn = usePos((s) => s.people.roles === 'on' && s.people.session !== null);
  const minutes = usePos((s) => s.people.idleLockMinutes);
  useEffect(() => {
    if (!signedIn || minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const busy = () => {
      const s = store.getState();
      return selectVisibleAlertCount(s) > 0 || s.paymentIds.some((id) => OPEN_PAYMENT_STATES.includes(s.paymentsById[id]!.state));
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (busy()) arm();
        else void bridge.signOut({ idle: true }).then((r) => (r.ok ? undefined : arm()));
      }, minutes * 60_000);
    };
    arm();
    for (const name of ACTIVITY) window.addEventListener(name, arm, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, arm);
    };
  }, [bridge, store, signedIn, minutes]);
}
