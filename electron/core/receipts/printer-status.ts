/**
 * ESC/POS real-time status (DLE EOT n), asked before a job so that "out of paper" and "cover
 * open" reach the cashier as such instead of a receipt that silently never comes out. Real-time
 * commands are answered even while the printer is offline. Printers that do not answer over the
 * network are printed to as before: the check only ever adds information.
 */

const DLE = 0x10;
const EOT = 0x04;
/** n=2: offline cause (cover, paper end, error); n=4: roll paper sensor. One byte answers each. */
export const STATUS_QUERY = new Uint8Array([DLE, EOT, 2, DLE, EOT, 4]);

export type PrinterCondition = 'ready' | 'paper_out' | 'cover_open' | 'error';

/** Every status byte has the fixed pattern 0xx1xx10. */
function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Reads the two answers to STATUS_QUERY; undefined when they are not status bytes. */
export function interpretStatus(reply: Uint8Array): PrinterCondition | undefined {
  if (reply.length < 2 || !isStatusByte(reply[0]!) || !isStatusByte(reply[1]!)) return undefined;
  const offline = reply[0]!;
  const paper = reply[1]!;
  if ((paper & 0x60) === 0x60 || (offline & 0x20) !== 0) return 'paper_out';
  if ((offline & 0x04) !== 0) return 'cover_open';
  if ((offline & 0x40) !== 0) return 'error';
  return 'ready';
}

/** The message code for what the printer reported (`{printer}`: its address). */
export function conditionKey(condition: Exclude<PrinterCondition, 'ready'>): string {
  switch (condition) {
    case 'paper_out':
      return 'receipts.error.paper_out';
    case 'cover_open':
      return 'receipts.error.cover_open';
    case 'error':
      return 'receipts.error.printer_fault';
  }
}
