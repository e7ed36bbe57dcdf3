#!/usr/bin/env node
/**
 * Electronegativity over the Electron sources and the renderer HTML; fails on any HIGH or MEDIUM
 * finding. Electronegativity's CLI always exits 0, so we call its programmatic API and decide.
 *
 * - Scanned: electron/**\/*.ts (tests excluded: they build insecure windows on purpose to prove they
 *   are refused) and the renderer's index.html, copied into one temporary folder so the global
 *   checks (CSP, navigation limits, permission handler) see the whole app at once.
 * - AvailableSecurityFixesGlobalCheck is excluded: it asks the internet for Electron releases.
 * - The Electron version comes from package.json so the version-dependent defaults are right.
 *
 * Usage: node scripts/electronegativity.mjs [--report reports/electronegativity.json] [--input DIR]
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITIES = new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Findings from Electronegativity's programmatic API (its package `main`, documented in its
 * README). Not its CSV report: the CLI writes the CSV header and the rows with two concurrent
 * `fs.writeFile` calls, so on a loaded machine the header can land over the rows (a garbled report,
 * seen twice) or after them (a report with no findings at all, which would pass silently).
 */
export function findingsFromResult(result) {
  if (!result || !Array.isArray(result.issues)) throw new Error('electronegativity: the scanner returned no list of issues');
  return result.issues.map((issue) => ({
    check: String(issue.id ?? ''),
    severity: String(issue.severity?.name ?? '').toUpperCase(),
    confidence: String(issue.confidence?.name ?? ''),
    file: String(issue.file ?? ''),
    location: `${issue.location?.line ?? '?'}:${issue.location?.column ?? '?'}`,
    description: String(issue.description ?? ''),
  }));
}

async function collectSources(into) {
  const copied = [];
  async function walk(rel) {
    for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (/\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) && !/\.(test|spec)\./.test(entry.name)) {
        await mkdir(path.join(into, rel), { recursive: true });
        await cp(path.join(root, child), path.join(into, child));
        copied.push(child);
      }
    }
  }
  if (existsSync(path.join(root, 'electron'))) await walk('electron');
  const html = ['renderer/index.html', 'dist/renderer/index.html'].find((f) => existsSync(path.join(root, f)));
  if (html) {
    await mkdir(path.join(into, 'renderer'), { recursive: true });
    await cp(path.join(root, html), path.join(into, 'renderer', 'index.html'));
    copied.push(html);
  }
  return { copied, html };
}

async function runScanner(options) {
  const require = createRequire(path.join(root, 'package.json'));
  const run = require('@doyensec/electronegativity');
  return run(options, false);
}

async function main() {
  const reportArg = process.argv.indexOf('--report');
  const inputArg = process.argv.indexOf('--input');
  const reportFile = reportArg > 0 ? path.resolve(process.argv[reportArg + 1]) : undefined;
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
  const work = await mkdtemp(path.join(tmpdir(), 'checkstand-electronegativity-'));
  let ok = false;
  let findings = [];
  let error;
  try {
    // --input DIR scans that folder as it is (the script's own tests use it with fixtures).
    const given = inputArg > 0 ? path.resolve(process.argv[inputArg + 1]) : undefined;
    const input = given ?? path.join(work, 'app');
    const { copied, html } = given ? { copied: [], html: 'given' } : await mkdir(input).then(() => collectSources(input));
    console.log(
      `electronegativity: scanning ${given ?? `${copied.length} files`} (Electron ${electronVersion || 'unknown'})${html ? '' : ' — no renderer index.html found'}`,
    );
    const result = await runScanner({
      input,
      isRelative: true,
      excludeFromScan: EXCLUDED_CHECKS,
      ...(electronVersion ? { electronVersionOverride: electronVersion } : {}),
    });
    const rows = findingsFromResult(result);
    // Fail closed: a file the scanner could not parse was not checked, and a finding we cannot
    // rank must never pass.
    const describe = (e) => `${e.file ?? '?'}: ${String(e.message ?? 'parse error').split('\n')[0]}`;
    for (const w of (result.errors ?? []).filter((e) => e.tolerable)) console.log(`  ! parser warning ${describe(w)}`);
    const unparsed = (result.errors ?? []).filter((e) => !e.tolerable).map(describe);
    if (unparsed.length > 0) {
      error = `Electronegativity could not parse ${unparsed.length} file(s), so they were not checked:\n  ${unparsed.join('\n  ')}`;
    } else if (!rows.every((f) => SEVERITIES.has(f.severity))) {
      error = `Electronegativity returned findings of unknown severity (${[...new Set(rows.map((f) => f.severity))].join(', ').slice(0, 200)})`;
    } else {
      findings = rows;
      const failing = findings.filter((f) => FAILING.has(f.severity));
      for (const f of findings) {
        const mark = FAILING.has(f.severity) ? '✗' : '·';
        console.log(`  ${mark} ${f.severity.padEnd(13)} ${f.check}  ${f.file}:${f.location}  ${f.description}`);
      }
      // Inline `// eng-disable CHECK_ID` annotations silence a finding; list them so a reviewer sees each one.
      for (const file of copied) {
        const lines = (await readFile(path.join(root, file), 'utf8')).split('\n');
        lines.forEach((line, i) => {
          const m = /eng-disable\s+([\w \t]+)/.exec(line);
          if (m) console.log(`  ~ suppressed   ${m[1].trim()}  ${file}:${i + 1}`);
        });
      }
      ok = failing.length === 0;
      console.log(`electronegativity: ${failing.length} HIGH/MEDIUM, ${findings.length - failing.length} lower — ${ok ? 'PASS' : 'FAIL'}`);
    }
  } catch (err) {
    error = String(err?.stack ?? err);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (error) console.error(`electronegativity: ${error}`);
  if (reportFile) {
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, JSON.stringify({ ok, error, findings }, null, 2));
  }
  process.exit(ok ? 0 : 1);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();
