import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The closing line CI reads. Fed with report files shaped like Vitest's and Playwright's JSON
 * reporters, it must add them up, count the one-test checks, and never read "0 failed" for a
 * run that failed.
 */
const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, 'ci-summary.mjs');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'checkstand-summary-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, value: unknown) {
  await writeFile(path.join(dir, name), JSON.stringify(value));
}

async function summary(): Promise<{ code: number; last: string }> {
  const r = await run(process.execPath, [script, dir]).then(
    (ok) => ({ code: 0, stdout: ok.stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '' }),
  );
  return { code: r.code, last: r.stdout.trim().split('\n').at(-1) ?? '' };
}

const vitest = { numPassedTests: 120, numFailedTests: 0, numPendingTests: 2, numTodoTests: 1, success: true };
const playwright = { stats: { expected: 14, unexpected: 0, flaky: 0, skipped: 14 } };

describe('ci-summary', () => {
  it('sums Vitest, Playwright and the one-test checks', async () => {
    await write('vitest.json', vitest);
    await write('playwright.json', playwright);
    await write('steps.json', [
      { name: 'browser', kind: 'gate', status: 'passed' },
      { name: 'typecheck', kind: 'gate', status: 'passed' },
      { name: 'unit', kind: 'vitest', status: 'passed' },
      { name: 'electronegativity', kind: 'check', status: 'passed' },
      { name: 'package-smoke', kind: 'check', status: 'passed' },
      { name: 'e2e', kind: 'playwright', status: 'passed' },
    ]);
    expect(await summary()).toEqual({ code: 0, last: 'tests: 136 passed, 0 failed, 17 skipped' });
  });

  it('counts failing tests from the reports', async () => {
    await write('vitest.json', { ...vitest, numPassedTests: 118, numFailedTests: 2, success: false });
    await write('steps.json', [{ name: 'unit', kind: 'vitest', status: 'failed' }]);
    expect(await summary()).toEqual({ code: 1, last: 'tests: 118 passed, 2 failed, 3 skipped' });
  });

  it('a failed gate (lint, type check, no browser) is one failure, and later steps are not counted', async () => {
    await write('vitest.json', vitest); // stale, from a step that did not run this time
    await write('steps.json', [
      { name: 'browser', kind: 'gate', status: 'passed' },
      { name: 'lint', kind: 'gate', status: 'failed' },
      { name: 'unit', kind: 'vitest', status: 'not run' },
    ]);
    expect(await summary()).toEqual({ code: 1, last: 'tests: 0 passed, 1 failed, 0 skipped' });
  });

  it('a runner that crashed without a report is a failure, not silence', async () => {
    await write('steps.json', [{ name: 'e2e', kind: 'playwright', status: 'failed' }]);
    expect(await summary()).toEqual({ code: 1, last: 'tests: 0 passed, 1 failed, 0 skipped' });
  });

  it('a runner that failed with no failing test (e.g. a file that does not load) still counts one failure', async () => {
    await write('vitest.json', { ...vitest, success: false });
    await write('steps.json', [{ name: 'unit', kind: 'vitest', status: 'failed' }]);
    expect(await summary()).toEqual({ code: 1, last: 'tests: 120 passed, 1 failed, 3 skipped' });
  });
});
