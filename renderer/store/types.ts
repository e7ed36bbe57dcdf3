import type { AlertsSlice } from './alerts-slice';
import type { ConnectionSlice } from './connection-slice';
import type { OrdersSlice } from './orders-slice';
import type { PeopleSlice } from './people-slice';
import type { PaymentsSlice } from './payments-slice';
import type { SettingsSlice } from './settings-slice';
import type { SyncSlice } from './sync-slice';
import type { TerminalsSlice } from './terminals-slice';
import type { UiSlice } from './ui-slice';

import type { PosEvent, Snapshot } from '../../shared/ipc';

export type PosState = SyncSlice & ConnectionSlice & TerminalsSlice & PaymentsSlice & OrdersSlice & AlertsSlice & SettingsSlice & UiSlice & PeopleSlice;

/**
 * How a slice follows the main process: its part of a snapshot, and its answer to an event
 * (undefined: not this slice's event). The sync slice applies them; each slice owns its rules.
 */
export interface Projection<S> {
  fromSnapshot(snapshot: Snapshot): Partial<S>;
  onEvent(state: PosState, event: PosEvent): Partial<S> | undefined;
}
