import { useEffect, useState } from 'react';
import type { ShiftStatus } from '../../../../shared/ipc';
import { useBridge } from '../../../store/context';

/** The till's shift and its Z reports, asked for on opening and after each change; a late answer for a left screen is dropped. */
export function useShiftStatus(): { status: ShiftStatus | undefined; refresh(): void } {
  const bridge = useBridge();
  const [request, setRequest] = useState(0);
  const [status, setStatus] = useState<ShiftStatus | undefined>();
  useEffect(() => {
    let live = true;
    void bridge.getShift({}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, request]);
  return { status, refresh: () => setRequest((n) => n + 1) };
}
