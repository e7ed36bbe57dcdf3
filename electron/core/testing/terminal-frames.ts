import type { TerminalStatusUpdateFrame, TerminalsResponseFrame } from '../../../shared/protocol';

/** Gateway terminal frames for registry tests, stamped `at` ms after a fixed gateway time. */
export const T0 = Date.parse('2026-01-15T10:00:00.000Z');
export const iso = (ms: number) => new Date(T0 + ms).toISOString();

export const listFrame = (at: number, terminals: TerminalsResponseFrame['terminals']): TerminalsResponseFrame => ({
  action: 'terminalsResponse',
  terminals,
  timestamp: iso(at),
});

export const pushFrame = (
  at: number,
  terminalId: string,
  status: TerminalStatusUpdateFrame['status'],
  extra: Partial<TerminalStatusUpdateFrame> = {},
): TerminalStatusUpdateFrame => ({
  action: 'terminalStatusUpdate',
  terminalId,
  status,
  timestamp: iso(at),
  ...extra,
});
