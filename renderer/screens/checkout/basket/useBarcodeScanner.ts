import { useEffect, useRef } from 'react';
import { usePosStoreApi } from '../../../store/context';
import { selectVisibleAlertCount } from '../../../store/selectors';
import { ScanDetector } from './scan-detector';

/** Text fields a scanner's characters may have landed in (and must be put back). */
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'number', '']);

/**
 * When the key happened, not when this handler got to it: a busy page handles a scanner's keys
 * late and bunched or spread out, but each event keeps the time the system saw the key.
 */
const keyTime = (event: KeyboardEvent) => (event.timeStamp > 0 ? event.timeStamp : performance.now());

type FieldBefore = { field: HTMLInputElement | HTMLTextAreaElement; value: string } | undefined;

/** Puts a React-controlled field back to `value` the way a person's edit would (its onChange runs). */
function restore(before: FieldBefore): void {
  if (!before || before.field.value === before.value) return;
  const proto = before.field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(before.field, before.value);
  before.field.dispatchEvent(new Event('input', { bubbles: true }));
}

function textField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | undefined {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_TYPES.has(target.type)) return target;
  return undefined;
}

/**
 * A keyboard-wedge scan anywhere on the checkout (while `active`): the burst's characters are
 * taken back out of whatever field they landed in, the Enter does not submit the form, and
 * `onScan` gets the code. Everything a person types passes untouched, Enter included.
 */
export function useBarcodeScanner(active: boolean, onScan: (code: string) => void, timeOf: (event: KeyboardEvent) => number = keyTime): void {
  const store = usePosStoreApi();
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!active) return;
    const detector = new ScanDetector();
    let before: FieldBefore;
    let burstTarget: EventTarget | null = null;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (selectVisibleAlertCount(store.getState()) > 0) return;
      if (event.target !== burstTarget) detector.reset();
      burstTarget = event.target;
      const reading = detector.key(event.key, timeOf(event));
      if (reading.kind === 'burstStart') {
        const field = textField(event.target);
        before = field ? { field, value: field.value } : undefined;
      } else if (reading.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
        restore(before);
        before = undefined;
        latest.current(reading.code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, store, timeOf]);
}
