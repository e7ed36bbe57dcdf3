#!/usr/bin/env node
/**
 * `npm run mutation`: Stryker over the money core and the renderer store, one folder at a time
 * (smallest first), then the mutation score of each folder and the time each run took.
 *
 *   npm run mutation                              every folder
 *   npm run mutation -- electron/core/terminals   only the folders named
 *   npm run mutation -- --incremental             re-test only mutants whose code or tests changed
 *                                                 since the last run (Stryker's incremental file)
 *   npm run mutation -- --report-only             print the scores of the last run, run nothing
 *
 * Each folder's report goes to reports/mutation/folders/<folder>.json; they are merged into
 * reports/mutation/mutation.json (Stryker's mutation-testing-report schema). Score = killed or
 * timed out, over every mutant that compiled (no coverage counts as survived). Exit code 1 when a
 * folder is under the target.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderScores, mergeReports } from './mutation-score.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, 'reports', 'mutation');
const TARGET = 85;
/** Smallest first, so a developer sees the quick ones before the long ones. */
const FOLDERS = [
  'electron/core/terminals',
  'electron/core/inbound',
  'electron/core/connection',
  'renderer/store',
  'electron/core/journal',
  'electron/core/recovery',
  'electron/core/payments',
];

const args = process.argv.slice(2);
const incremental = args.includes('--incremental');
const reportOnly = args.includes('--report-only');
const named = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/\/+$/, ''));
const unknown = named.filter((f) => !FOLDERS.includes(f));
if (unknown.length) {
  console.error(`Unknown folder(s): ${unknown.join(', ')}. Choose from:\n  ${FOLDERS.join('\n  ')}`);
  process.exit(2);
}
const folders = named.length ? named : FOLDERS;
fs.mkdirSync(reportDir, { recursive: true });
const timings = readTimings();

if (!reportOnly) {
  for (const folder of folders) {
    const started = Date.now();
    console.log(`\n== Stryker: ${folder}${incremental ? ' (incremental)' : ''}`);
    const stryker = path.join(root, 'node_modules', '.bin', 'stryker');
    const run = spawnSync(stryker, ['run', 'stryker.config.mjs', ...(incremental ? ['--incremental'] : [])], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CHECKSTAND_MUTATE_FOLDER: folder },
    });
    if (run.status !== 0) {
      console.error(`Stryker failed on ${folder} (exit ${run.status ?? run.signal})`);
      process.exit(1);
    }
    timings[folder] = Math.round((Date.now() - started) / 1000);
    // Read again before writing: a run of another folder may have finished meanwhile.
    fs.writeFileSync(path.join(reportDir, 'timings.json'), JSON.stringify({ ...readTimings(), [folder]: timings[folder] }, null, 2));
  }
}

Object.assign(timings, readTimings());
const merged = mergeReports(path.join(reportDir, 'folders'));
fs.writeFileSync(path.join(reportDir, 'mutation.json'), JSON.stringify(merged));
const rows = folderScores(merged, FOLDERS);
console.log('\nMutation score per folder (killed + timeout over all valid mutants; target ≥ 85 %)');
console.log('folder                      score   killed  timeout survived nocov  time');
let below = false;
for (const r of rows) {
  const time = timings[r.folder] !== undefined ? `${Math.floor(timings[r.folder] / 60)} min ${timings[r.folder] % 60} s` : '';
  if (r.score < TARGET) below = true;
  console.log(
    `${r.folder.padEnd(27)} ${r.score.toFixed(1).padStart(5)} % ${String(r.killed).padStart(6)} ${String(r.timeout).padStart(8)} ${String(r.survived).padStart(8)} ${String(r.noCoverage).padStart(5)}  ${time}`,
  );
}
console.log(`\nReport: ${path.relative(root, path.join(reportDir, 'mutation.json'))}`);
process.exit(below ? 1 : 0);

function readTimings() {
  try {
    return JSON.parse(fs.readFileSync(path.join(reportDir, 'timings.json'), 'utf8'));
  } catch {
    return {};
  }
}
