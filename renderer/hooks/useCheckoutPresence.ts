import { useEffect, useState } from 'react';
import { useBridge, usePos } from '../store/context';
import { selectScreen } from '../store/selectors';

/**
 * Tells the main process whether the cashier is on the checkout with the window in view: while
 * so, a lost gateway link is retried within about a second (till: back online at once). Sent again after
 * the bridge comes back, since a restarted host starts from "not on the checkout".
 */
export function useCheckoutPresence(): void {
  const bridge = useBridge();
  const onCheckout = usePos((s) => s.synced && selectScreen(s) === 'checkout');
  const linked = usePos((s) => s.bridgeLinked);
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  const open = onCheckout && visible;
  useEffect(() => {
    if (!linked) return;
    // A lost answer only delays the faster retry until the next change; nothing to show.
    bridge.setCheckoutOpen({ open }).catch(() => undefined);
  }, [bridge, open, linked]);
}
