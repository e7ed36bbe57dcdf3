#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, stopping at the first failure but always
 * saying what ran. The last line is the CI summary: `tests: N passed, N failed, N skipped`
 * (scripts/ci-summary.mjs). Exit code 0 only when everything ran and passed.
 *
 *   browser            find Chromium (scripts/find-browser.mjs), exported to children as CHROMIUM_PATH
 *   typecheck          tsc for the Node side and the web side
 *   lint               ESLint (import boundaries, size limits) and the Prettier format check
 *   build              npm run build (the e2e specs and the packaging test need dist/)
 *   unit               Vitest (node + jsdom projects) → reports/vitest.json
 *   electronegativity  security scan of the Electron sources and renderer HTML → one test
 *   package-smoke      electron-builder --dir with a stand-in Electron → one test
 *   e2e                Playwright → reports/playwright.json
 *
 * Options: --steps a,b,c runs only those steps (same order); --list prints the step names;
 * everything after `--` is passed to Vitest (e.g. `node scripts/test.mjs --steps unit -- scripts/`).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOW_TO_GET_ONE, findBrowser } from './find-browser.mjs';
import { summarize } from './ci-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/**
 * A hung step must not eat CI's 90 minutes: each step is stopped after its budget. The budget
 * catches hangs, it is not a speed check. The unit and e2e steps get 15 minutes: on the 2-core
 * machine they took 4–7 minutes each (unit 413 s with other jobs beside it), too close to 10;
 * the other steps get 10. CHECKSTAND_STEP_TIMEOUT_MS overrides every budget.
 */
const STEP_TIMEOUT_OVERRIDE_MS = Number(process.env.CHECKSTAND_STEP_TIMEOUT_MS) || undefined;
const budgetMs = (step) => STEP_TIMEOUT_OVERRIDE_MS ?? (step.kind === 'vitest' || step.kind === 'playwright' ? 15 : 10) * 60_000;

/** `npm test -- path/to/dir` narrows the Vitest step (developer convenience; CI passes nothing). */
const dashDash = process.argv.indexOf('--');
const vitestFilters = dashDash >= 0 ? process.argv.slice(dashDash + 1) : [];

const STEPS = [
  { name: 'browser', kind: 'gate', run: browserStep },
  {
    name: 'typecheck',
    kind: 'gate',
    cmds: [
      [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit'],
      [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit'],
    ],
  },
  {
    name: 'lint',
    kind: 'gate',
    cmds: [
      [bin('eslint'), '--max-warnings', '0', '.'],
      [bin('prettier'), '--check', '.'],
    ],
  },
  { name: 'build', kind: 'gate', cmds: [[npm, 'run', '--silent', 'build']] },
  {
    name: 'unit',
    kind: 'vitest',
    cmds: [[bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`]],
  },
  {
    name: 'electronegativity',
    kind: 'check',
    cmds: [[process.execPath, 'scripts/electronegativity.mjs', '--report', path.join(reports, 'electronegativity.json')]],
  },
  { name: 'package-smoke', kind: 'check', cmds: [[process.execPath, 'scripts/package-smoke.mjs', '--report', path.join(reports, 'package-smoke.json')]] },
  // The JSON reporter's file is set in playwright.config.ts.
  { name: 'e2e', kind: 'playwright', cmds: [[bin('playwright'), 'test']] },
];

function browserStep(env) {
  const found = findBrowser(env);
  if (!found.path) {
    console.error(`\n${HOW_TO_GET_ONE}\nTried:\n${found.tried.map((t) => `  - ${t}`).join('\n')}\n`);
    return false;
  }
  env.CHROMIUM_PATH = found.path;
  console.log(`Chromium: ${found.path} (${found.source})`);
  return true;
}

let current;
const killGroup = (child) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
};
// Ctrl-C or CI cancelling: take the running step (and what it started) down with us.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current);
    process.exit(130);
  });
}

function runCommand([cmd, ...args], env, timeoutMs) {
  return new Promise((resolve) => {
    // Own process group, so a timed-out step is stopped with everything it started.
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit', detached: process.platform !== 'win32' });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n${path.basename(cmd)} took longer than ${timeoutMs / 1000} s: stopping it`);
      killGroup(child);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      console.error(`could not start ${cmd}: ${err.message}`);
      resolve(false);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      current = undefined;
      resolve(code === 0);
    });
  });
}

function parseArgs(argv) {
  const i = argv.indexOf('--steps');
  if (argv.includes('--list')) {
    console.log(STEPS.map((s) => s.name).join('\n'));
    process.exit(0);
  }
  if (i < 0) return STEPS;
  const wanted = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
  if (unknown.length || wanted.length === 0) {
    console.error(`unknown step(s): ${unknown.join(', ') || '(none given)'}; steps are: ${STEPS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return STEPS.filter((s) => wanted.includes(s.name));
}

async function main() {
  const runStarted = Date.now();
  const selected = parseArgs(process.argv.slice(2, dashDash >= 0 ? dashDash : undefined));
  await mkdir(reports, { recursive: true });
  // Stale reports from an earlier run must never be counted.
  for (const f of ['steps.json', 'vitest.json', 'playwright.json', 'electronegativity.json', 'package-smoke.json']) {
    await rm(path.join(reports, f), { force: true });
  }
  const env = { ...process.env };
  const record = STEPS.map((s) => ({ name: s.name, kind: s.kind, status: 'not run', seconds: 0 }));
  const save = () =>
    writeFile(
      path.join(reports, 'steps.json'),
      JSON.stringify(
        record.filter((r) => selected.some((s) => s.name === r.name)),
        null,
        2,
      ),
    );
  let failed = false;

  for (const step of selected) {
    const entry = record.find((r) => r.name === step.name);
    console.log(`\n━━ ${step.name} ━━`);
    const started = Date.now();
    let ok = true;
    if (step.run) ok = await step.run(env);
    else {
      for (const cmd of step.cmds) {
        const full = step.kind === 'vitest' ? [...cmd, ...vitestFilters] : cmd;
        if (!(ok = await runCommand(full, env, budgetMs(step)))) break;
      }
    }
    entry.status = ok ? 'passed' : 'failed';
    entry.seconds = Math.round((Date.now() - started) / 100) / 10;
    await save();
    if (!ok) {
      failed = true;
      break;
    }
  }
  await save();

  console.log(`\n━━ what ran (${Math.round((Date.now() - runStarted) / 1000)} s) ━━`);
  for (const r of record.filter((r) => selected.some((s) => s.name === r.name))) {
    const mark = r.status === 'passed' ? '✓' : r.status === 'failed' ? '✗' : '–';
    console.log(`  ${mark} ${r.name.padEnd(18)} ${r.status}${r.status === 'not run' ? '' : ` (${r.seconds} s)`}`);
  }
  const summary = summarize(reports);
  for (const l of summary.lines) console.log(l);
  console.log(summary.line);
  process.exit(failed || summary.failed > 0 ? 1 : 0);
}

await main();
