import net from 'node:net';

/**
 * Test support: a receipt printer on 127.0.0.1 that records every byte it is sent, one entry per
 * connection, like a real RAW/9100 printer that closes after the job. It can refuse (reset) the
 * first connections to prove that the queue retries.
 */
export interface FakeEscPosPrinter {
  port: number;
  /** Bytes of each completed job, in order. */
  jobs: Buffer[];
  /** Connections accepted, reset ones included. */
  connections: number;
  /** Resolves when `count` jobs have been received. */
  waitForJobs(count: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export type FakePrinterStatus = 'ready' | 'paper_out' | 'cover_open' | 'silent';

/** Answers to DLE EOT 2 (offline cause) and DLE EOT 4 (paper sensor), as an Epson TM would. */
const STATUS_BYTES: Record<Exclude<FakePrinterStatus, 'silent'>, Record<number, number>> = {
  ready: { 2: 0x12, 4: 0x12 },
  paper_out: { 2: 0x32, 4: 0x72 },
  cover_open: { 2: 0x16, 4: 0x12 },
};

export async function startFakeEscPosPrinter(options: { resetFirst?: number; status?: FakePrinterStatus } = {}): Promise<FakeEscPosPrinter> {
  let toReset = options.resetFirst ?? 0;
  const status = options.status ?? 'ready';
  const sockets = new Set<net.Socket>();
  const waiters: { count: number; resolve: (jobs: Buffer[]) => void }[] = [];
  const printer: FakeEscPosPrinter = {
    port: 0,
    jobs: [],
    connections: 0,
    waitForJobs(count) {
      if (printer.jobs.length >= count) return Promise.resolve(printer.jobs);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((socket) => {
    printer.connections += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (toReset > 0) {
      toReset -= 1;
      socket.resetAndDestroy();
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      // Real-time status requests are answered at once and are not part of the printed job.
      for (let i = 0; i + 2 < c.length; i += 1) {
        if (c[i] === 0x10 && c[i + 1] === 0x04 && status !== 'silent') socket.write(Buffer.from([STATUS_BYTES[status][c[i + 2]!] ?? 0x12]));
      }
      chunks.push(c);
    });
    socket.on('end', () => {
      const job = stripStatusQueries(Buffer.concat(chunks));
      socket.end();
      if (job.length === 0) return;
      printer.jobs.push(job);
      for (const w of [...waiters]) {
        if (printer.jobs.length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(printer.jobs);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  printer.port = (server.address() as net.AddressInfo).port;
  return printer;
}

/** A port on 127.0.0.1 that nothing listens on (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What a person would read on the paper: the job's bytes without the ESC/POS commands this app
 * sends (ESC @, FS ., and the three-byte ESC/GS commands such as ESC E n, ESC t n, GS V m).
 * Non-ASCII bytes stay as they are (code page bytes); compare them with latin1 strings.
 */
export function printedText(bytes: Buffer): string {
  return (
    bytes
      .toString('latin1')
      // eslint-disable-next-line no-control-regex -- stripping printer commands is the point
      .replace(/\x1b@|\x1c\.|[\x1b\x1d][\x20-\x7e][\x00-\xff]/g, '')
      // eslint-disable-next-line no-control-regex -- stripping printer commands is the point
      .replace(/[\x00-\x09\x0b-\x1f]/g, '')
  );
}

function stripStatusQueries(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && i + 2 < bytes.length) {
      i += 2;
      continue;
    }
    out.push(bytes[i]!);
  }
  return Buffer.from(out);
}
