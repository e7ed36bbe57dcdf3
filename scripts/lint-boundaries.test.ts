import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of DESIGN.md "The shape" are enforced by eslint.config.js. These tests
 * lint small snippets as if they lived in each folder (nothing is written to disk) so that a
 * config change that silently stops enforcing a boundary fails here.
 */
const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/probe.ts', "import WebSocket from 'ws'; export const a = WebSocket;", 'shared/ may import only zod'],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;", 'shared/ may import only zod'],
    ['shared/ipc/probe.ts', "import { x } from '../../electron/core/ports'; export const a = x;", 'shared/ may not import from outside shared/'],
    ['electron/core/probe.ts', "import { app } from 'electron'; export const a = app;", 'Only electron/host/ may use Electron'],
    ['electron/core/payments/probe.ts', "import { x } from '../../../renderer/store'; export const a = x;", 'never import renderer code'],
    ['electron/host/electron/probe.ts', "import { x } from '../../../renderer/store'; export const a = x;", 'never import renderer code'],
    ['renderer/probe.tsx', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", 'Only electron/host/ may use Electron'],
    ['renderer/components/probe.tsx', "import fs from 'fs'; export const a = fs;", 'no Node built-ins'],
    ['renderer/components/probe.tsx', "import { join } from 'node:path'; export const a = join;", 'no Node built-ins'],
    ['renderer/components/probe.tsx', "import { x } from '../../electron/core/ports'; export const a = x;", 'never import main-process code'],
    ['simulator/probe.ts', "import { x } from '../electron/core/ports'; export const a = x;", 'never import main-process code'],
    ['simulator/probe.ts', "import { x } from '../renderer/store'; export const a = x;", 'never import renderer code'],
    ['renderer/components/Pay.test.tsx', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", 'Only electron/host/ may use Electron'],
    ['electron/core/payments/ledger.test.ts', "import { app } from 'electron'; export const a = app;", 'Only electron/host/ may use Electron'],
  ])('%s rejects: %s', async (file, code, expected) => {
    const messages = await restrictedImports(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ['shared/ipc/probe.ts', "import { z } from 'zod'; import { toMinor } from '../money'; export const a = [z, toMinor];"],
    [
      'electron/core/probe.ts',
      "import { z } from 'zod'; import { readFile } from 'node:fs/promises'; import { x } from '../../shared/ipc'; export const a = [z, readFile, x];",
    ],
    ['electron/host/electron/probe.ts', "import { app } from 'electron'; import { x } from '../../core/ports'; export const a = [app, x];"],
    ['renderer/components/probe.tsx', "import { z } from 'zod'; import { Snapshot } from '../../shared/ipc'; export const a = [z, Snapshot];"],
    [
      'simulator/probe.ts',
      "import { WebSocketServer } from 'ws'; import { createServer } from 'node:http'; import { x } from '../shared/protocol'; export const a = [WebSocketServer, createServer, x];",
    ],
    [
      'shared/money.test.ts',
      "import { describe } from 'vitest'; import fc from 'fast-check'; import { webcrypto } from 'node:crypto'; export const a = [describe, fc, webcrypto];",
    ],
    [
      'renderer/components/Pay.test.tsx',
      "import { readFileSync } from 'node:fs'; import { render } from '@testing-library/react'; export const a = [readFileSync, render];",
    ],
  ])('%s allows: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
