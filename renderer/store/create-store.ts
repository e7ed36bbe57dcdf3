import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAlertsSlice } from './alerts-slice';
import { createConnectionSlice } from './connection-slice';
import { createOrdersSlice } from './orders-slice';
import { createPaymentsSlice } from './payments-slice';
import { createPeopleSlice } from './people-slice';
import { createSettingsSlice } from './settings-slice';
import { createSyncSlice } from './sync-slice';
import { createTerminalsSlice } from './terminals-slice';
import type { PosState } from './types';
import { createUiSlice } from './ui-slice';

export type PosStore = StoreApi<PosState>;

/** One store of slices (zustand docs' slices pattern); a factory so each test gets its own. */
export function createPosStore(): PosStore {
  return createStore<PosState>()((...a) => ({
    ...createSyncSlice(...a),
    ...createConnectionSlice(...a),
    ...createTerminalsSlice(...a),
    ...createPaymentsSlice(...a),
    ...createOrdersSlice(...a),
    ...createAlertsSlice(...a),
    ...createSettingsSlice(...a),
    ...createUiSlice(...a),
    ...createPeopleSlice(...a),
  }));
}
