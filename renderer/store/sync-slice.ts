import type { StateCreator } from 'zustand';
import { OPEN_PAYMENT_STATES, type PaymentView, type PosEvent, type Snapshot, type TerminalView } from '../../shared/ipc';
import { alertsProjection } from './alerts-slice';
import { connectionProjection } from './connection-slice';
import { ordersProjection } from './orders-slice';
import { paymentsProjection } from './payments-slice';
import { peopleProjection } from './people-slice';
import { settingsProjection } from './settings-slice';
import { sortTerminalIds, terminalsProjection } from './terminals-slice';
import type { PosState, Projection } from './types';
import type { Msg } from '../../shared/i18n/message';

/** Every slice that follows the main process. */
const PROJECTIONS: Projection<Partial<PosState>>[] = [
  connectionProjection,
  terminalsProjection,
  paymentsProjection,
  ordersProjection,
  alertsProjection,
  settingsProjection,
  peopleProjection,
];

/**
 * The projection bookkeeping: the last applied sequence number and whether a snapshot has
 * been applied. Each snapshot or batch of consecutive events is applied in ONE `set`, so no
 * screen ever renders a half-applied delta (and a burst of 1,000 events is one render, not 1,000).
 */
export interface SyncSlice {
  seq: number;
  synced: boolean;
  syncError: string | null;
  /** The same as a code, when the bridge gave one (the loading screen words it). */
  syncErrorMsg?: Msg | undefined;
  applySnapshot(snapshot: Snapshot): void;
  /** Consecutive events (seq already checked by the caller, in order), folded into one update. */
  applyEvents(events: PosEvent[]): void;
  setSyncError(message: string | null, msg?: Msg): void;
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
      syncErrorMsg: undefined,
      ...(Object.assign({}, ...PROJECTIONS.map((p) => p.fromSnapshot(snapshot))) as Partial<PosState>),
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
  setSyncError: (syncError, syncErrorMsg) => set({ syncError, syncErrorMsg }),
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
    if (byId) next = { ...next, terminalsById: byId, terminalIds: ids ? sortTerminalIds(ids, byId) : next.terminalIds };
    byId = undefined;
    ids = undefined;
  };
  for (const event of events) {
    if (event.type === 'terminal') {
      byId ??= { ...next.terminalsById };
      const before = byId[event.terminal.id];
      // A new terminal or a new name moves cards; a status change keeps the order (till: stable order).
      if (!before || before.label !== event.terminal.label) ids ??= [...next.terminalIds];
      if (!before) ids!.push(event.terminal.id);
      byId[event.terminal.id] = event.terminal;
      continue;
    }
    commitTerminals();
    next = { ...next, ...patchFor(next, event) };
  }
  commitTerminals();
  return next;
}

/** The one slice whose event it is answers it; an event no slice knows changes nothing. */
function patchFor(state: PosState, event: PosEvent): Partial<PosState> {
  for (const projection of PROJECTIONS) {
    const patch = projection.onEvent(state, event);
    if (patch) return patch;
  }
  return {};
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
