#!/usr/bin/env node
/**
 * The closing line CI reads (DESIGN.md "Testing without an Electron binary"):
 *   tests: N passed, N failed, N skipped
 * summed from the Vitest and Playwright JSON reports, plus the checks scripts/test.mjs ran that are
 * tests in their own right (Electronegativity, the packaging smoke test: one test each).
 * A step that failed without producing test results (type check, lint, build, no browser, a runner
 * that crashed) counts as one failed test, so the line can never read "0 failed" for a red run.
 *
 * Input: REPORTS_DIR/steps.json written by scripts/test.mjs
 *   [{ "name": "unit", "status": "passed" | "failed" | "not run", "kind": "vitest" | "playwright" | "check" | "gate" }]
 * and REPORTS_DIR/vitest.json, REPORTS_DIR/playwright.json for the steps that ran.
 *
 * CLI: node scripts/ci-summary.mjs [reportsDir]  → prints the line; exit 1 when anything failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON reporter (Jest-compatible counters). */
export function countVitest(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's JSON reporter: stats.expected / unexpected / flaky / skipped. */
export function countPlaywright(report) {
  const s = report.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
  };
}

/** Why Playwright tests were skipped: "reason" → count (a skip is never silent). */
export function playwrightSkipReasons(report) {
  const reasons = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return reasons;
}

export function summarize(reportsDir) {
  const steps = readJson(path.join(reportsDir, 'steps.json')) ?? [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  const add = (c) => {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  };
  for (const step of steps) {
    if (step.status === 'not run') continue;
    let counted;
    if (step.kind === 'vitest' || step.kind === 'playwright') {
      const report = readJson(path.join(reportsDir, `${step.kind}.json`));
      counted = report ? (step.kind === 'vitest' ? countVitest(report) : countPlaywright(report)) : undefined;
      // A runner that failed but reported no failing test (crash, bad config, unhandled error).
      if (step.status === 'failed' && (!counted || counted.failed === 0)) {
        counted = { ...(counted ?? { passed: 0, skipped: 0 }), failed: 1 };
      }
    } else if (step.kind === 'check') {
      counted = { passed: step.status === 'passed' ? 1 : 0, failed: step.status === 'failed' ? 1 : 0, skipped: 0 };
    } else if (step.status === 'failed') {
      counted = { passed: 0, failed: 1, skipped: 0 };
    }
    if (counted) {
      add(counted);
      lines.push(`  ${step.name}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped`);
      if (step.kind === 'playwright') {
        const report = readJson(path.join(reportsDir, 'playwright.json'));
        for (const [why, n] of report ? playwrightSkipReasons(report) : []) lines.push(`    skipped ${n}: ${why}`);
      }
    }
  }
  return { ...total, lines, line: `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped` };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(process.argv[2] ?? 'reports');
  const result = summarize(dir);
  for (const l of result.lines) console.log(l);
  console.log(result.line);
  process.exit(result.failed > 0 ? 1 : 0);
}
