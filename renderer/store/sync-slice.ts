import type { StateCreator } from 'zustand';
import { OPEN_PAYMENT_STATES, type PaymentView, type PosEvent, type Snapshot, type TerminalView } from '../../shared/ipc';
import { alertsFromList, upsertAlert } from './alerts-slice';
import { ordersFromList } from './orders-slice';
import { paymentsFromList, upsertPayment } from './payments-slice';
import { printJobsFromList } from './settings-slice';
import { removeTerminal, terminalsFromList, upsertTerminal } from './terminals-slice';
import type { PosState } from './types';

/**
 * The projection bookkeeping: the last applied sequence number and whether a snapshot has
 * been applied. Each snapshot or batch of consecutive events is applied in ONE `set`, so no
 * screen ever renders a half-applied delta (and a burst of 1,000 events is one render, not 1,000).
 */
export interface SyncSlice {
  seq: number;
  synced: boolean;
  syncError: string | null;
  applySnapshot(snapshot: Snapshot): void;
  /** Consecutive events (seq already checked by the caller, in order), folded into one update. */
  applyEvents(events: PosEvent[]): void;
  setSyncError(message: string | null): void;
}

export const createSyncSlice: StateCreator<PosState, [], [], SyncSlice> = (set) => ({
  seq: 0,
  synced: false,
  syncError: null,
  applySnapshot: (snapshot) =>
    set((state) => ({
      seq: snapshot.seq,
      synced: true,
      syncError: null,
      app: snapshot.app,
      connection: snapshot.connection,
      paused: snapshot.paused ?? [],
      ...terminalsFromList(snapshot.terminals),
      ...paymentsFromList(snapshot.payments),
      alerts: alertsFromList(snapshot.alerts),
      ordersByRef: ordersFromList(snapshot.orders),
      nextOrderRef: snapshot.nextOrderRef,
      settings: snapshot.settings,
      update: snapshot.update,
      printJobsById: printJobsFromList(snapshot.printJobs),
      // The followed payment lives only here, so a reload (or a second window) forgets it while
      // the main process still owns an open payment: follow it again, or the cashier sees an
      // empty form and might charge twice. An unknown one shows its guided check.
      activePaymentId: state.activePaymentId ?? newestOpenPaymentId(snapshot.payments),
    })),
  applyEvents: (events) =>
    set((state) => {
      const last = events.at(-1);
      return last ? { ...foldEvents(state, events), seq: last.seq } : {};
    }),
  setSyncError: (syncError) => set({ syncError }),
});

/**
 * Applies events in order. Terminal status changes dominate bursts (500 terminals dropping and
 * coming back), so the terminal map is copied once per run of terminal events, not once per event.
 */
function foldEvents(state: PosState, events: PosEvent[]): PosState {
  let next = state;
  let byId: Record<string, TerminalView> | undefined;
  let ids: string[] | undefined;
  const commitTerminals = () => {
    if (byId) next = { ...next, terminalsById: byId, terminalIds: ids ?? next.terminalIds };
    byId = undefined;
    ids = undefined;
  };
  for (const event of events) {
    if (event.type === 'terminal') {
      byId ??= { ...next.terminalsById };
      if (!(event.terminal.id in byId)) (ids ??= [...next.terminalIds]).push(event.terminal.id);
      byId[event.terminal.id] = event.terminal;
      continue;
    }
    commitTerminals();
    next = { ...next, ...patchFor(next, event) };
  }
  commitTerminals();
  return next;
}

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
    case 'order':
      return { ordersByRef: { ...state.ordersByRef, [event.order.orderRef]: event.order }, nextOrderRef: event.nextOrderRef };
    case 'settings':
      return { settings: event.settings };
    case 'update':
      return { update: event.update };
    case 'printJob':
      return { printJobsById: { ...state.printJobsById, [event.job.id]: event.job } };
    case 'paused':
      return { paused: event.paused };
  }
}

/** The open payment created last (sent, awaiting a result, reconnecting or unknown), if any. */
export function newestOpenPaymentId(payments: PaymentView[]): string | null {
  let newest: PaymentView | undefined;
  for (const payment of payments) {
    if (!OPEN_PAYMENT_STATES.includes(payment.state)) continue;
    if (!newest || payment.createdAt >= newest.createdAt) newest = payment;
  }
  return newest?.transactionId ?? null;
}
