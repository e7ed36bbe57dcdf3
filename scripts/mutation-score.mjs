/**
 * Reads Stryker's JSON reports (mutation-testing-report-schema): merges the per-folder reports
 * and counts, per folder, killed / timeout / survived / no coverage. Compile errors and ignored
 * mutants are not mutants a test could kill, so they are left out of the score, as Stryker does.
 */
import fs from 'node:fs';
import path from 'node:path';

export function mergeReports(dir) {
  const merged = { schemaVersion: '1.0', thresholds: { high: 90, low: 85 }, files: {} };
  if (!fs.existsSync(dir)) return merged;
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    Object.assign(merged.files, report.files);
    merged.schemaVersion = report.schemaVersion ?? merged.schemaVersion;
  }
  return merged;
}

export function folderScores(report, folders) {
  const rows = [];
  for (const folder of folders) {
    const counts = { folder, killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: 0 };
    let seen = false;
    for (const [file, entry] of Object.entries(report.files)) {
      const rel = file.split(path.sep).join('/');
      if (!rel.startsWith(`${folder}/`) && !rel.includes(`/${folder}/`)) continue;
      seen = true;
      for (const m of entry.mutants) {
        if (m.status === 'Killed') counts.killed += 1;
        else if (m.status === 'Timeout') counts.timeout += 1;
        else if (m.status === 'Survived') counts.survived += 1;
        else if (m.status === 'NoCoverage') counts.noCoverage += 1;
      }
    }
    if (!seen) continue;
    const valid = counts.killed + counts.timeout + counts.survived + counts.noCoverage;
    counts.score = valid ? (100 * (counts.killed + counts.timeout)) / valid : 100;
    rows.push(counts);
  }
  return rows;
}
