import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../shared/protocol';
import { createMemoryLogger } from '../log/logger';
import { logInbound } from './log-frame';

/** What the log keeps of each inbound frame (vendor §4: log every incoming message). */
function logged(raw: string) {
  const logger = createMemoryLogger();
  logInbound(logger, parseServerFrame(raw), raw);
  return logger.lines;
}

describe('inbound frame log', () => {
  it('logs a frame that is not valid as a warning with the first 500 characters of what came', () => {
    const raw = `{"action":"selfDestruct","pad":"${'x'.repeat(600)}"}`;
    const [line] = logged(raw);
    expect(line).toMatchObject({ level: 'warn', event: 'frame.invalid', raw: raw.slice(0, 500) });
    expect(typeof line!.reason).toBe('string');
    expect((line!.reason as string).length).toBeGreaterThan(0);
  });

  it('logs an error frame as a warning with the frame', () => {
    expect(logged('{"error":"Not Found","message":"Terminal connection not found"}')).toEqual([
      { level: 'warn', event: 'frame.error', frame: { error: 'Not Found', message: 'Terminal connection not found' } },
    ]);
  });

  it('does not log pongs (they would flood the log)', () => {
    expect(logged('{"action":"pong","timestamp":"2026-01-15T10:00:00.000Z"}')).toEqual([]);
  });

  it('logs a payment result with its receipt replaced by its length, and everything else as it came', () => {
    const withReceipt = logged(
      JSON.stringify({ action: 'paymentComplete', paymentResponse: { transactionId: 't1', status: 'SUCCESS', receiptData: 'RECEIPT TEXT' } }),
    );
    expect(withReceipt).toEqual([
      {
        level: 'info',
        event: 'frame.in',
        frame: { action: 'paymentComplete', paymentResponse: { transactionId: 't1', status: 'SUCCESS', receiptData: '[12 chars]' } },
      },
    ]);
    const noReceipt = logged(JSON.stringify({ action: 'paymentComplete', paymentResponse: { transactionId: 't2', status: 'FAILED' } }));
    expect(noReceipt).toMatchObject([{ level: 'info', event: 'frame.in', frame: { paymentResponse: { transactionId: 't2', status: 'FAILED' } } }]);
    expect(JSON.stringify(noReceipt)).not.toContain('receiptData');
    const push = logged(JSON.stringify({ action: 'terminalStatusUpdate', terminalId: 'TERM-001', status: 'connected', timestamp: '2026-01-15T10:00:00.000Z' }));
    expect(push).toMatchObject([{ level: 'info', event: 'frame.in', frame: { action: 'terminalStatusUpdate', terminalId: 'TERM-001' } }]);
  });
});
