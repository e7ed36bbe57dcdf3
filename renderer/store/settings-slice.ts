import type { StateCreator } from 'zustand';
import type { PrintJobView, SettingsView, UpdateView } from '../../shared/ipc';
import type { PosState } from './types';

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

export function printJobsFromList(list: PrintJobView[]): Record<string, PrintJobView> {
  const byId: Record<string, PrintJobView> = {};
  for (const job of list) byId[job.id] = job;
  return byId;
}
