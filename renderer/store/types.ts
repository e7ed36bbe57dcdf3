import type { AlertsSlice } from './alerts-slice';
import type { ConnectionSlice } from './connection-slice';
import type { OrdersSlice } from './orders-slice';
import type { PaymentsSlice } from './payments-slice';
import type { SettingsSlice } from './settings-slice';
import type { SyncSlice } from './sync-slice';
import type { TerminalsSlice } from './terminals-slice';
import type { UiSlice } from './ui-slice';

export type PosState = SyncSlice & ConnectionSlice & TerminalsSlice & PaymentsSlice & OrdersSlice & AlertsSlice & SettingsSlice & UiSlice;
