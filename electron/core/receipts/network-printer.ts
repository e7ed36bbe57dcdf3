import net from 'node:net';
import { printError, type PrintError } from './print-error';
import { conditionKey, interpretStatus, STATUS_QUERY } from './printer-status';

/**
 * Raw printing to a network receipt printer: TCP port 9100 ("JetDirect"/RAW), the interface
 * almost every Ethernet ESC/POS printer offers. No driver and no native binding: we connect,
 * write the bytes, close, and wait until the printer has taken them.
 */

const CLOSE_GRACE_MS = 1500;

export interface NetworkPrinterOptions {
  /** How long to wait for the printer to accept the connection. */
  connectTimeoutMs?: number;
  /** How long the whole transfer may take once connected (a stalled printer holds the socket). */
  sendTimeoutMs?: number;
  /** Ask the printer for paper/cover status first (DLE EOT); default true. */
  statusCheck?: boolean;
  /** How long to wait for the status answer before printing anyway. */
  statusTimeoutMs?: number;
}

export function sendToNetworkPrinter(target: { host: string; port: number }, bytes: Uint8Array, options: NetworkPrinterOptions = {}): Promise<void> {
  const where = `${target.host}:${target.port}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 4000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  const statusCheck = options.statusCheck ?? true;
  const statusTimeoutMs = options.statusTimeoutMs ?? 600;
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    let flushed = false;
    let settled = false;
    let reply = Buffer.alloc(0);
    let awaitingStatus = false;
    let statusTimer: NodeJS.Timeout | undefined;
    const socket = net.connect({ host: target.host, port: target.port });
    const finish = (err?: PrintError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(statusTimer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    let timer = setTimeout(() => finish(notAnswering(where)), connectTimeoutMs);

    const sendJob = () => {
      awaitingStatus = false;
      clearTimeout(statusTimer);
      clearTimeout(timer);
      timer = setTimeout(() => finish(printError('receipts.error.printer_stopped', { printer: where }, true)), sendTimeoutMs);
      // end() writes and then half-closes our side.
      socket.end(bytes);
    };

    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      if (!statusCheck) return sendJob();
      awaitingStatus = true;
      socket.write(STATUS_QUERY);
      // No answer in time: a printer without network status. Print as usual.
      statusTimer = setTimeout(sendJob, statusTimeoutMs);
    });
    socket.on('data', (chunk: Buffer) => {
      if (!awaitingStatus) return; // later bytes (automatic status) are not needed, only drained
      reply = Buffer.concat([reply, chunk]).subarray(0, 8);
      if (reply.length < 2) return;
      const condition = interpretStatus(reply);
      if (condition && condition !== 'ready') {
        clearTimeout(statusTimer);
        finish(printError(conditionKey(condition), { printer: where }, true));
      } else {
        sendJob();
      }
    });
    // Every byte is handed to the network. A printer normally closes its side once it has read the
    // job; one that keeps the socket open is given a short grace, not treated as a failure.
    socket.once('finish', () => {
      flushed = true;
      clearTimeout(timer);
      timer = setTimeout(() => finish(), CLOSE_GRACE_MS);
    });
    socket.once('close', (hadError) => {
      if (hadError) return; // 'error' already explained it
      if (!connected) finish(notAnswering(where));
      else if (!flushed) finish(closedEarly(where));
      else finish();
    });
    socket.once('error', (err: NodeJS.ErrnoException) => finish(describe(err, where, connected, target.host)));
  });
}

function closedEarly(where: string): PrintError {
  return printError('receipts.error.printer_closed_early', { printer: where }, true);
}

function notAnswering(where: string): PrintError {
  return printError('receipts.error.printer_not_answering', { printer: where }, true);
}

function describe(err: NodeJS.ErrnoException, where: string, connected: boolean, host: string): PrintError {
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
      return printError('receipts.error.printer_not_answering', { printer: where }, true, err);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return printError('receipts.error.printer_address_unknown', { host }, err.code === 'EAI_AGAIN', err);
    case 'ECONNRESET':
    case 'EPIPE':
      return printError(connected ? 'receipts.error.printer_closed_early' : 'receipts.error.printer_not_answering', { printer: where }, true, err);
    default:
      return printError('receipts.error.printer_unreachable', { printer: where, detail: err.code ?? err.message }, true, err);
  }
}
