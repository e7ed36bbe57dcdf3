import { useEffect, useRef } from 'react';

/**
 * Moves focus to the returned element when it mounts or when `key` changes: after every
 * transition the cashier's focus lands on the new heading, not on a button that vanished.
 */
export function useFocusOnMount<T extends HTMLElement>(key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
