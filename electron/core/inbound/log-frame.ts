import type { ParsedServerFrame } from '../../../shared/protocol';
import type { Logger } from '../ports';

/**
 * The vendor asks clients to log every incoming message (§4). Receipt data can be large and is
 * printed, not logged; pongs would flood the log, so they are not written.
 */
export function logInbound(logger: Logger, parsed: ParsedServerFrame, raw: string): void {
  if (parsed.kind === 'invalid') {
    logger.warn('frame.invalid', { reason: parsed.reason, raw: raw.slice(0, 500) });
    return;
  }
  if (parsed.kind === 'error') {
    logger.warn('frame.error', { frame: parsed.frame });
    return;
  }
  if (parsed.frame.action === 'pong') return;
  if (parsed.frame.action === 'paymentComplete' && parsed.frame.paymentResponse.receiptData) {
    const { receiptData, ...rest } = parsed.frame.paymentResponse;
    logger.info('frame.in', { frame: { ...parsed.frame, paymentResponse: { ...rest, receiptData: `[${receiptData.length} chars]` } } });
    return;
  }
  logger.info('frame.in', { frame: parsed.frame });
}
