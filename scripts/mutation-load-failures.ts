import type { RunnerTestFile, RunnerTestCase } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * A Vitest reporter for mutation runs only (vitest.mutation.config.ts): a test file that fails to
 * load becomes one failed test carrying the load error.
 *
 * Why: Stryker's Vitest runner (9.6.1, vitest-test-runner.js) builds a mutant's result from the
 * tests it collected and calls the mutant "Survived" when none failed. A mutant that makes a module
 * throw on import (e.g. `z.discriminatedUnion('')` in journal-schema.ts: "Invalid discriminated
 * union option") leaves its test files with no tests at all, so a mutant the suite does catch
 * counted against the score. Files that loaded are left exactly as they are.
 */
export default class LoadFailureAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  /** The same file tasks Stryker reads next (`ctx.state.getFiles()`). */
  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) markLoadFailure(file);
  }
}

/** Adds a failed test to a file task that failed with no tests in it; returns whether it did. */
export function markLoadFailure(file: RunnerTestFile): boolean {
  if (file.result?.state !== 'fail' || file.tasks.length > 0) return false;
  const errors = file.result.errors?.length ? file.result.errors : [{ name: 'Error', message: 'the test file failed to load' }];
  // Only the fields Stryker reads (type, name, mode, file, result); a run that has ended needs no context.
  const test = {
    type: 'test',
    id: `${file.id}_load`,
    name: 'the test file loads',
    mode: 'run',
    file,
    suite: file,
    meta: {},
    annotations: [],
    artifacts: [],
    timeout: 0,
    result: { state: 'fail', errors, duration: 0 },
  } as unknown as RunnerTestCase;
  file.tasks.push(test);
  return true;
}
