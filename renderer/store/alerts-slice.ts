import type { StateCreator } from 'zustand';
import type { VoidAlert } from '../../shared/ipc';
import type { PosState } from './types';

/**
 * Unacknowledged void alerts, oldest first. The main process keeps them across restarts
 * (money-safety rule 6); here they only leave the queue when an event says acknowledged.
 */
export interface AlertsSlice {
  alerts: VoidAlert[];
}

export const createAlertsSlice: StateCreator<PosState, [], [], AlertsSlice> = () => ({ alerts: [] });

export function alertsFromList(list: VoidAlert[]): VoidAlert[] {
  return list.filter((alert) => alert.acknowledgedAt === undefined);
}

export function upsertAlert(alerts: VoidAlert[], alert: VoidAlert): VoidAlert[] {
  if (alert.acknowledgedAt !== undefined) return alerts.filter((a) => a.id !== alert.id);
  const index = alerts.findIndex((a) => a.id === alert.id);
  if (index === -1) return [...alerts, alert];
  const next = [...alerts];
  next[index] = alert;
  return next;
}
