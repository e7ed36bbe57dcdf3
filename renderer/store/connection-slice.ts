import type { StateCreator } from 'zustand';
import type { AppInfo, ConnectionView, PaymentsPause } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/** The gateway link as the main process reports it, plus the link to the host itself. */
export interface ConnectionSlice {
  app: AppInfo | null;
  connection: ConnectionView | null;
  /** What blocks payments besides the link: a bad gateway setting, a journal that cannot be written. */
  paused: PaymentsPause[];
  /** False while the bridge to the host (WebSocket in the browser host) is down. */
  bridgeLinked: boolean;
  setBridgeLinked(linked: boolean): void;
}

export const createConnectionSlice: StateCreator<PosState, [], [], ConnectionSlice> = (set) => ({
  app: null,
  connection: null,
  paused: [],
  bridgeLinked: true,
  setBridgeLinked: (linked) => set({ bridgeLinked: linked }),
});

export const connectionProjection: Projection<ConnectionSlice> = {
  fromSnapshot: (snapshot) => ({ app: snapshot.app, connection: snapshot.connection, paused: snapshot.paused ?? [] }),
  onEvent: (_state, event) => {
    if (event.type === 'connection') return { connection: event.connection };
    if (event.type === 'paused') return { paused: event.paused };
    return undefined;
  },
};
