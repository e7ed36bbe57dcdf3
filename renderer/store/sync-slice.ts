import type { StateCreator } from 'zustand';
import type { PosEvent, Snapshot } from '../../shared/ipc';
import { alertsFromList, upsertAlert } from './alerts-slice';
import { paymentsFromList, upsertPayment } from './payments-slice';
import { printJobsFromList } from './settings-slice';
import { removeTerminal, terminalsFromList, upsertTerminal } from './terminals-slice';
import type { PosState } from './types';

/**
 * The projection bookkeeping: the last applied sequence number and whether a snapshot has
 * been applied. Each snapshot or event is applied in ONE `set`, so no screen ever renders a
 * half-applied delta.
 */
export interface SyncSlice {
  seq: number;
  synced: boolean;
  syncError: string | null;
  applySnapshot(snapshot: Snapshot): void;
  applyEvent(event: PosEvent): void;
  setSyncError(message: string | null): void;
}

export const createSyncSlice: StateCreator<PosState, [], [], SyncSlice> = (set) => ({
  seq: 0,
  synced: false,
  syncError: null,
  applySnapshot: (snapshot) =>
    set({
      seq: snapshot.seq,
      synced: true,
      syncError: null,
      app: snapshot.app,
      connection: snapshot.connection,
      ...terminalsFromList(snapshot.terminals),
      ...paymentsFromList(snapshot.payments),
      alerts: alertsFromList(snapshot.alerts),
      settings: snapshot.settings,
      update: snapshot.update,
      printJobsById: printJobsFromList(snapshot.printJobs),
    }),
  applyEvent: (event) => set((state) => ({ seq: event.seq, ...patchFor(state, event) })),
  setSyncError: (syncError) => set({ syncError }),
});

function patchFor(state: PosState, event: PosEvent): Partial<PosState> {
  switch (event.type) {
    case 'connection':
      return { connection: event.connection };
    case 'terminal':
      return upsertTerminal(state, event.terminal);
    case 'terminalRemoved':
      return removeTerminal(state, event.terminalId);
    case 'payment':
      return upsertPayment(state, event.payment);
    case 'alert':
      return { alerts: upsertAlert(state.alerts, event.alert) };
    case 'settings':
      return { settings: event.settings };
    case 'update':
      return { update: event.update };
    case 'printJob':
      return { printJobsById: { ...state.printJobsById, [event.job.id]: event.job } };
  }
}
