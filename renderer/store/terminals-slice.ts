import type { StateCreator } from 'zustand';
import type { TerminalView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

export interface TerminalsSlice {
  /** By label, then id (till: a stable order): a cashier tapping by position never reaches another lane. */
  terminalIds: string[];
  terminalsById: Record<string, TerminalView>;
  /** This till's terminal as the core knows it (setting, else the last used); '' = none yet. */
  tillTerminalId: string;
}

export const createTerminalsSlice: StateCreator<PosState, [], [], TerminalsSlice> = () => ({
  terminalIds: [],
  terminalsById: {},
  tillTerminalId: '',
});

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Terminal ids in the order the cards show: label ("Lane 2" before "Lane 10"), then id. */
export function sortTerminalIds(ids: string[], byId: Record<string, TerminalView>): string[] {
  return ids.sort((a, b) => collator.compare(byId[a]?.label ?? a, byId[b]?.label ?? b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function terminalsFromList(list: TerminalView[]): Omit<TerminalsSlice, 'tillTerminalId'> {
  const terminalsById: Record<string, TerminalView> = {};
  for (const terminal of list) terminalsById[terminal.id] = terminal;
  return { terminalIds: sortTerminalIds(Object.keys(terminalsById), terminalsById), terminalsById };
}

export function upsertTerminal(state: Omit<TerminalsSlice, 'tillTerminalId'>, terminal: TerminalView): Omit<TerminalsSlice, 'tillTerminalId'> {
  const before = state.terminalsById[terminal.id];
  const terminalsById = { ...state.terminalsById, [terminal.id]: terminal };
  const moved = !before || before.label !== terminal.label;
  return {
    terminalIds: moved ? sortTerminalIds([...(before ? state.terminalIds : [...state.terminalIds, terminal.id])], terminalsById) : state.terminalIds,
    terminalsById,
  };
}

export function removeTerminal(state: Omit<TerminalsSlice, 'tillTerminalId'>, terminalId: string): Omit<TerminalsSlice, 'tillTerminalId'> {
  if (!(terminalId in state.terminalsById)) return state;
  const terminalsById = { ...state.terminalsById };
  delete terminalsById[terminalId];
  return { terminalIds: state.terminalIds.filter((id) => id !== terminalId), terminalsById };
}

export const terminalsProjection: Projection<TerminalsSlice> = {
  fromSnapshot: (snapshot) => ({ ...terminalsFromList(snapshot.terminals), tillTerminalId: snapshot.tillTerminalId ?? '' }),
  onEvent: (state, event) => {
    if (event.type === 'terminal') return upsertTerminal(state, event.terminal);
    if (event.type === 'terminalRemoved') return removeTerminal(state, event.terminalId);
    return undefined;
  },
};
