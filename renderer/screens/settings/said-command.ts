import { useCallback, useState } from 'react';
import type { Msg } from '../../../shared/i18n/message';
import { useCommand, type CommandState } from '../../hooks/useCommand';
import { useT } from '../../i18n/useT';

/**
 * useCommand whose failure reads in the window's language: the core's refusal as a code
 * (`error.msg`) in words, else its English `message` (an older core, a thrown error).
 * Settings, History and End of day use it for every button that runs a command.
 */
export function useSaidCommand<T>(): CommandState<T> {
  const command = useCommand<T>();
  const t = useT();
  const [said, setSaid] = useState<Msg | undefined>();
  const { run: runCommand } = command;
  const run = useCallback<CommandState<T>['run']>(
    async (call) => {
      const result = await runCommand(call);
      if (result) setSaid(result.ok ? undefined : result.error.msg);
      return result;
    },
    [runCommand],
  );
  return { ...command, run, error: command.error === null ? null : t.say(said, command.error) };
}
