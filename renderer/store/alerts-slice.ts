import type { StateCreator } from 'zustand';
import type { VoidAlert } from '../../shared/ipc';
import type { PosState, Projection } from './types';

/**
 * Unacknowledged void alerts, oldest first. The main process keeps them across restarts
 * (money-safety rule 6); here they leave the queue when an event says acknowledged, or at once
 * when this window's acknowledgement was confirmed (the command answered ok).
 */
export interface AlertsSlice {
  alerts: VoidAlert[];
  markAlertAcknowledged(alertId: string): void;
}

export const createAlertsSlice: StateCreator<PosState, [], [], AlertsSlice> = (set) => ({
  alerts: [],
  markAlertAcknowledged: (alertId) => set((state) => ({ alerts: state.alerts.filter((a) => a.id !== alertId) })),
});

export const alertsProjection: Projection<AlertsSlice> = {
  fromSnapshot: (snapshot) => ({ alerts: snapshot.alerts.filter((alert) => alert.acknowledgedAt === undefined) }),
  onEvent: (state, event) => (event.type === 'alert' ? { alerts: upsertAlert(state.alerts, event.alert) } : undefined),
};

function upsertAlert(alerts: VoidAlert[], alert: VoidAlert): VoidAlert[] {
  if (alert.acknowledgedAt !== undefined) return alerts.filter((a) => a.id !== alert.id);
  const index = alerts.findIndex((a) => a.id === alert.id);
  if (index === -1) return [...alerts, alert];
  const next = [...alerts];
  next[index] = alert;
  return next;
}
