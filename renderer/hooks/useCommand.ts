import { useCallback, useRef, useState } from 'react';
import type { CommandResult } from '../../shared/ipc';
import { useT } from '../i18n/useT';

export interface CommandState<T> {
  busy: boolean;
  error: string | null;
  /** Runs the command once at a time; a second call while one is running is ignored. */
  run(call: () => Promise<CommandResult<T>>): Promise<CommandResult<T> | undefined>;
  clearError(): void;
}

/**
 * Wraps a bridge command for a button: guards against double firing synchronously (a ref, not
 * state, so two clicks in the same tick cannot both pass) and keeps the error message to show.
 */
export function useCommand<T>(): CommandState<T> {
  const t = useT();
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (call: () => Promise<CommandResult<T>>) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      setError(null);
      let result: CommandResult<T>;
      try {
        result = await call();
      } catch (err) {
        result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
      // The core's refusal as a code in the till's language; an older core's English as it is.
      if (!result.ok) setError(t.say(result.error.msg, result.error.message));
      return result;
    },
    [t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
