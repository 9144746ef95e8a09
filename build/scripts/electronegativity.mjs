#!/usr/bin/env node
// Runs Doyensec's electronegativity over the main process and preload (`electron/`), offline, as
// part of `npm test`. Fails on any HIGH finding, and on any MEDIUM finding nobody has reviewed:
// each reviewed one is listed below with the reason it is safe here. Findings in test files are
// test inputs (deliberately bad CSPs, fake windows) and are not counted.
//
// The check that downloads Electron's release notes (AvailableSecurityFixesGlobalCheck) is off:
// these machines reach no GitHub. Keeping Electron current is a release-process duty instead.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/**
 * The part of electronegativity's programmatic API (`dist/runner.js`) this script uses.
 * @typedef {{ name: string, value: number }} Level
 * @typedef {{ id: string, file: string, location: { line: number }, description: string, severity: Level }} Issue
 * @typedef {{ issues: Issue[], errors: { file?: string, message?: string }[], globalChecks: number, atomicChecks: number }} RunResult
 * @typedef {(options: Record<string, unknown>) => Promise<RunResult>} Run
 */
const require = createRequire(import.meta.url);
const run = /** @type {Run} */ (require('@doyensec/electronegativity'));
const ELECTRON_VERSION = /** @type {{ version: string }} */ (require('electron/package.json')).version;

/** MEDIUM findings read and accepted, by check id and file (relative to `electron/`). */
const REVIEWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/app.ts',
    why: 'shell.openExternal is only reached through hardenWebContents, which hands out https URLs on the allowlist (isAllowedExternal, security.test.ts)',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/window.ts',
    why: 'the preload (electron/preload/index.ts) only builds window.desktop from one validated invoke function; contextIsolation and sandbox are on',
  },
];

const input = resolve('electron');
const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  severitySet: undefined,
  confidenceSet: undefined,
  isRelative: true,
  isVerbose: true,
  electronUpgrade: undefined,
  electronVersionOverride: ELECTRON_VERSION,
  parserPlugins: [],
});

const issues = result.issues.filter((issue) => !/\.test\.ts$|test-[a-z-]+\.ts$/.test(issue.file));
/** @param {Issue} issue */
const reviewedOf = (issue) => REVIEWED.find((entry) => entry.id === issue.id && entry.file === issue.file);
/** @param {Issue} issue */
const line = (issue) => `  ${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line} — ${issue.description}`;

const high = issues.filter((issue) => issue.severity.value >= 3);
const medium = issues.filter((issue) => issue.severity.value === 2);
const unreviewed = medium.filter((issue) => !reviewedOf(issue));
const low = issues.filter((issue) => issue.severity.value <= 1);

for (const issue of medium) {
  const reviewed = reviewedOf(issue);
  if (reviewed) console.log(`${line(issue)}\n    reviewed: ${reviewed.why}`);
}
for (const issue of low) console.log(line(issue));
for (const issue of [...high, ...unreviewed]) console.error(line(issue));
for (const error of result.errors) console.error(`  parse error: ${error.file ?? ''} ${error.message ?? JSON.stringify(error)}`);

console.log(
  `electronegativity: electron=${ELECTRON_VERSION} checks=${result.globalChecks + result.atomicChecks} high=${high.length} ` +
    `medium=${medium.length} (unreviewed ${unreviewed.length}) low=${low.length} parse-errors=${result.errors.length}`,
);
if (high.length > 0 || unreviewed.length > 0 || result.errors.length > 0) {
  console.error('electronegativity: fix the findings above, or review a MEDIUM one and list it in build/scripts/electronegativity.mjs');
  process.exit(1);
}
