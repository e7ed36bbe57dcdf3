import type { StateCreator } from 'zustand';
import type { TerminalView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

export interface TerminalsSlice {
  terminalIds: string[];
  terminalsById: Record<string, TerminalView>;
}

export const createTerminalsSlice: StateCreator<PosState, [], [], TerminalsSlice> = () => ({
  terminalIds: [],
  terminalsById: {},
});

export function terminalsFromList(list: TerminalView[]): TerminalsSlice {
  const terminalsById: Record<string, TerminalView> = {};
  for (const terminal of list) terminalsById[terminal.id] = terminal;
  return { terminalIds: Object.keys(terminalsById), terminalsById };
}

export function upsertTerminal(state: TerminalsSlice, terminal: TerminalView): TerminalsSlice {
  const known = terminal.id in state.terminalsById;
  return {
    terminalIds: known ? state.terminalIds : [...state.terminalIds, terminal.id],
    terminalsById: { ...state.terminalsById, [terminal.id]: terminal },
  };
}

export function removeTerminal(state: TerminalsSlice, terminalId: string): TerminalsSlice {
  if (!(terminalId in state.terminalsById)) return state;
  const terminalsById = { ...state.terminalsById };
  delete terminalsById[terminalId];
  return { terminalIds: state.terminalIds.filter((id) => id !== terminalId), terminalsById };
}

export const terminalsProjection: Projection<TerminalsSlice> = {
  fromSnapshot: (snapshot) => terminalsFromList(snapshot.terminals),
  onEvent: (state, event) => {
    if (event.type === 'terminal') return upsertTerminal(state, event.terminal);
    if (event.type === 'terminalRemoved') return removeTerminal(state, event.terminalId);
    return undefined;
  },
};
