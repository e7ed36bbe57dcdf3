import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPort } from '../../core/receipts/render-ports';
import { PrintError } from '../../core/receipts/print-error';

/**
 * Receipt PDFs for the browser host, made by Chromium itself: the receipt HTML goes to a temp
 * file and a headless Chromium prints it with `--print-to-pdf`. The page size comes from the
 * receipt's own `@page` rule, so the PDF matches what Electron's printToPDF makes.
 */

export interface ChromiumPdfOptions {
  /** Defaults to $CHROMIUM_PATH, then /usr/bin/chromium. */
  chromiumPath?: string;
  timeoutMs?: number;
}

// The flags the team uses everywhere Chromium runs without a desktop session.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function createChromiumPdf(options: ChromiumPdfOptions = {}): PdfPort {
  const chromium = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const timeoutMs = options.timeoutMs ?? 30_000;
  // One browser at a time: a burst of PDF requests must not start a dozen Chromiums.
  let chain: Promise<unknown> = Promise.resolve();

  async function render(html: string): Promise<Uint8Array> {
    try {
      await access(chromium);
    } catch {
      throw new PrintError(`Chromium was not found at ${chromium}, so the PDF cannot be made. Install Chromium or set CHROMIUM_PATH.`, false);
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'checkstand-pdf-'));
    try {
      const input = path.join(dir, 'receipt.html');
      const output = path.join(dir, 'receipt.pdf');
      await writeFile(input, html, 'utf8');
      await run(
        chromium,
        [
          '--headless',
          ...CHROMIUM_FLAGS,
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ],
        timeoutMs,
      );
      try {
        return new Uint8Array(await readFile(output));
      } catch {
        throw new PrintError('Chromium finished without writing the PDF. Try again.', true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  return {
    htmlToPdf(html) {
      const result = chain.then(() => render(html));
      chain = result.catch(() => {});
      return result;
    },
  };
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PrintError(`Chromium did not finish the PDF within ${Math.round(timeoutMs / 1000)} seconds. Try again.`, true));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new PrintError(`Chromium could not be started (${err.message}).`, false, err));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PrintError(`Chromium could not make the PDF (exit code ${code}). ${lastLine(stderr)}`.trim(), true));
    });
  });
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => !/dbus|Fontconfig/i.test(l))
      .at(-1)
      ?.slice(0, 200) ?? ''
  );
}
