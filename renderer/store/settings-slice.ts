import type { StateCreator } from 'zustand';
import type { PrintJobView, SettingsView, UpdateView } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/** Settings as the main process shows them (secrets masked), update state and print jobs. */
export interface SettingsSlice {
  settings: SettingsView | null;
  update: UpdateView | null;
  printJobsById: Record<string, PrintJobView>;
}

export const createSettingsSlice: StateCreator<PosState, [], [], SettingsSlice> = () => ({
  settings: null,
  update: null,
  printJobsById: {},
});

function printJobsFromList(list: PrintJobView[]): Record<string, PrintJobView> {
  const byId: Record<string, PrintJobView> = {};
  for (const job of list) byId[job.id] = job;
  return byId;
}

export const settingsProjection: Projection<SettingsSlice> = {
  fromSnapshot: (snapshot) => ({ settings: snapshot.settings, update: snapshot.update, printJobsById: printJobsFromList(snapshot.printJobs) }),
  onEvent: (state, event) => {
    if (event.type === 'settings') return { settings: event.settings };
    if (event.type === 'update') return { update: event.update };
    if (event.type === 'printJob') return { printJobsById: { ...state.printJobsById, [event.job.id]: event.job } };
    return undefined;
  },
};
