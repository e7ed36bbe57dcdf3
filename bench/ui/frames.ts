import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SimLogEntry, SimulatorHandle } from '../../simulator/api';

/** The simulator's frame log as the UI benchmark reads it, and the renderer bundle's size. */
const root = path.resolve(import.meta.dirname, '..', '..');

export const atMs = (e: SimLogEntry) => Date.parse(e.at);
export const actionOf = (e: SimLogEntry) => (e.frame as { action?: string } | undefined)?.action;

export function desktopFrames(sim: SimulatorHandle, dir: 'in' | 'out', action: string, since: number): SimLogEntry[] {
  return sim.control.log().filter((e) => e.role === 'desktop' && e.dir === dir && actionOf(e) === action && atMs(e) >= since);
}

export async function rendererJsGzipped(): Promise<{ files: number; raw: number; gz: number }> {
  const dir = path.join(root, 'dist', 'renderer', 'assets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = await readFile(path.join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gz };
}
