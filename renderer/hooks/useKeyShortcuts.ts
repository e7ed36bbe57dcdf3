import { useEffect, useRef } from 'react';
import { usePosStoreApi } from '../store/context';
import { selectVisibleAlertCount } from '../store/selectors';

/**
 * Single-letter shortcuts for the screen being shown (N = new payment, R = retry, P = print).
 * Ignored while typing in a field, with a modifier held, or while a void alert is open (keys
 * typed at the alert must never act behind it).
 */
export function useKeyShortcuts(bindings: Record<string, (() => void) | undefined>): void {
  const store = usePosStoreApi();
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      if (selectVisibleAlertCount(store.getState()) > 0) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
