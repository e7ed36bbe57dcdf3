import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Resolves a URL path to a file inside `root`, or undefined. Shared by the browser host's HTTP
 * server and the Electron `app://` protocol: decoded "..", encoded slashes, backslashes, NUL bytes
 * and absolute paths never leave the renderer directory.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  const base = resolve(root);
  const full = resolve(base, ...(segments.length ? segments : ['index.html']));
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  return full;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads a regular file under `root` for a URL path; undefined when refused or missing. */
export async function readStatic(root: string, urlPath: string): Promise<{ file: string; body: Buffer; type: string } | undefined> {
  const file = resolveInside(root, urlPath);
  if (!file) return undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    // A symlink inside the renderer directory must not lead out of it either.
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    return { file, body: await readFile(file), type: contentType(file) };
  } catch {
    return undefined;
  }
}
