import type { PushAction, ScriptOutcome, SimulatorOptions } from './api';

/** The settings that can change while the simulator runs (control.setConfig, POST /__sim/config). */
export interface RuntimeConfig {
  gracePeriodMs: number;
  paymentTimeoutMs: number;
  paymentTimeoutMode: 'silent' | 'failed';
  replayOnReconnect: boolean;
  defaultDelayMs: number;
  defaultOutcome: ScriptOutcome;
  maxPayloadBytes: number;
  /** 0 = off. */
  idleTimeoutMs: number;
  /** 0 = off. */
  maxConnectionLifetimeMs: number;
  /** The gateway's clock minus the real one, in ms: every timestamp it sends is shifted by this. */
  clockSkewMs: number;
  /** False = `terminalsResponse` in the vendor quick start's form: no timestamps at all. */
  terminalListTimestamps: boolean;
}

export function runtimeConfig(options: SimulatorOptions): RuntimeConfig {
  return {
    gracePeriodMs: options.gracePeriodMs ?? 60_000,
    paymentTimeoutMs: options.paymentTimeoutMs ?? 90_000,
    paymentTimeoutMode: options.paymentTimeoutMode ?? 'silent',
    replayOnReconnect: options.replayOnReconnect ?? true,
    defaultDelayMs: options.defaultDelayMs ?? 1_500,
    defaultOutcome: options.defaultOutcome ?? 'SUCCESS',
    maxPayloadBytes: options.maxPayloadBytes ?? 64 * 1024,
    idleTimeoutMs: options.idleTimeoutMs ?? 0,
    maxConnectionLifetimeMs: options.maxConnectionLifetimeMs ?? 0,
    clockSkewMs: options.clockSkewMs ?? 0,
    terminalListTimestamps: options.terminalListTimestamps ?? true,
  };
}

/** Faults switched on by tests or the control page (§13.4 item 10). */
export interface FaultState {
  /** true: the next push is sent twice; an action name: the next push of that action is. */
  duplicateNext: boolean | PushAction;
  delayPushesMs: number;
  reorderNext: boolean;
  ignorePings: boolean;
  /** Terminals whose next payment frame finds them just dropped: the refusal races the drop. */
  dropOnNextPayment: string[];
}

export function noFaults(): FaultState {
  return { duplicateNext: false, delayPushesMs: 0, reorderNext: false, ignorePings: false, dropOnNextPayment: [] };
}
