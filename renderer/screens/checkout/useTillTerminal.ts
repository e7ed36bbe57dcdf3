import { useEffect } from 'react';
import { usePos } from '../../store/context';

/**
 * Which terminal the checkout has chosen (till: a sale in five keys). It opens with this till's
 * terminal: the cashier's last pick in this window, else the store's setting, else the last one
 * used (both from the core, so a restart keeps it). A terminal that goes offline or leaves the
 * list is not left selected, so Pay never goes to a lane that is not there; when the remembered
 * one is back online it is chosen again.
 */
export function useTillTerminal(): void {
  const synced = usePos((s) => s.synced);
  const selected = usePos((s) => s.draft.terminalId);
  const preferred = usePos((s) => s.rememberedTerminalId || s.settings?.tillTerminal || s.tillTerminalId);
  // One presence each, not the whole map: a burst of status pushes re-renders nothing here.
  const selectedPresence = usePos((s) => s.terminalsById[s.draft.terminalId]?.presence);
  const preferredPresence = usePos((s) => s.terminalsById[s.rememberedTerminalId || s.settings?.tillTerminal || s.tillTerminalId]?.presence);
  const updateDraft = usePos((s) => s.updateDraft);

  useEffect(() => {
    if (!synced) return;
    if (selected && (selectedPresence === undefined || selectedPresence === 'offline')) updateDraft({ terminalId: '' });
    else if (!selected && preferred && preferredPresence === 'online') updateDraft({ terminalId: preferred });
  }, [synced, selected, selectedPresence, preferred, preferredPresence, updateDraft]);
}
