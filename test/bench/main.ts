import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { atStart, machine, notImplemented, table, type Machine, type ScenarioResult, type Size } from './report.js';
import { startBenchPostgres } from './postgres.js';
import { isServerChild, runServerChild } from './server-process.js';
import { runB2 } from './scenarios/b2-push.js';
import { runBrowser } from './scenarios/browser.js';
import { runB3 } from './scenarios/b3-fanout.js';
import { runB6 } from './scenarios/b6-scale-out.js';
import { runB7 } from './scenarios/b7-catchup.js';

/**
 * `npm run bench [-- --only B2,B7] [-- --size small|default]`: runs the speed scenarios of
 * shared/design/quality.md, each against its raw baseline in the same run, prints a table and
 * writes bench-results/latest.json.
 */
/** Per-document cost of B1 in this run (B7 is judged against it); null until B1 has run. */
let b1PerDocMs: number | null = null;

type Runner = (size: Size, host: Machine) => Promise<ScenarioResult | ScenarioResult[]>;
interface Scenario {
  readonly id: string;
  readonly what: string;
  readonly target: string;
  /** `with`: measured in the same session as another scenario (B4 and B5 use the replica B1 fills). */
  readonly run: Runner | { readonly missing: string } | { readonly with: string };
}

const SCENARIOS: readonly Scenario[] = [
  { id: 'B1', what: 'initial sync into an empty RxDB+Dexie client in Chromium', target: '≤ 2× raw IndexedDB; aim ≤ 1.25×', run: runBrowser },
  { id: 'B2', what: '5,000 offline edits pushed after reconnect', target: '≤ 5 s; server apply ≥ 15% of raw insert rate', run: runB2 },
  {
    id: 'B2-pg',
    what: 'B2 on the PostgreSQL store',
    target: '≤ 5 s; server apply ≥ 15% of raw insert rate',
    run: async (size, host) => {
      const postgres = await startBenchPostgres();
      try {
        return await runB2(size, host, postgres);
      } finally {
        await postgres.stop();
      }
    },
  },
  { id: 'B3', what: '200 clients pull 1k docs; writes fanned out over SSE', target: 'write→all-clients p99 ≤ 250 ms', run: runB3 },
  { id: 'B4', what: 'list view over 50k assets in Chromium', target: 'first page p95 ≤ 50 ms, live update ≤ 16 ms', run: { with: 'B1' } },
  { id: 'B5', what: 'cold start to first screen with 100k documents', target: '≤ 1.5× raw, ≤ 1.5 s', run: { with: 'B1' } },
  { id: 'B6', what: '3 server instances on one PostgreSQL, mixed load', target: '≥ 2,000 edits/s, visible on another instance ≤ 1 s, 0 missed', run: runB6 },
  { id: 'B7', what: 'catch-up after a week offline: 10k changes incl. 1k deletes', target: '≤ 0.15× B1 time, exactly 1k deletes applied', run: (size, host) => runB7(size, host, b1PerDocMs) },
];

const USAGE = `npm run bench [-- --only B2,B2-pg,B6] [-- --size small|default]
  --only   scenario ids, comma-separated (${SCENARIOS.map((scenario) => scenario.id).join(', ')}); the others keep their last results
  --size   small: a quick run with fewer documents and clients (do not commit its latest.json); default: the full sizes
  BENCH_SERVERS=inprocess   run B3/B6 servers in the bench process instead of one child process each`;

function parseArgs(argv: readonly string[]): { only: Set<string> | null; size: Size } | 'help' {
  let only: Set<string> | null = null;
  let size: Size = 'default';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--only') only = new Set(value().split(',').map((id) => id.trim().toUpperCase()).filter(Boolean));
    else if (flag === '--size') {
      const given = value();
      if (given !== 'small' && given !== 'default') throw new Error(`--size must be small or default, not "${given}"`);
      size = given;
    } else throw new Error(`unknown argument "${arg}" (use --only B2,B7 and --size small|default)`);
  }
  return { only, size };
}

type StampedResult = ScenarioResult & { readonly size: Size; readonly measuredAt: string };

function previousResults(file: string): StampedResult[] {
  if (!existsSync(file)) return [];
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as { size: Size; startedAt: string; results: (ScenarioResult & Partial<StampedResult>)[] };
    return old.results.map((r) => ({ ...r, size: r.size ?? old.size, measuredAt: r.measuredAt ?? old.startedAt }));
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const { only, size } = args;
  const host = machine();
  const results: ScenarioResult[] = [];
  const started = Date.now();
  const wanted = (id: string) => !only || only.has(id.toUpperCase());
  const runsWith = (id: string) => SCENARIOS.some((other) => 'with' in other.run && other.run.with === id && wanted(other.id));
  for (const scenario of SCENARIOS) {
    if ('with' in scenario.run) continue;
    if (!wanted(scenario.id) && !runsWith(scenario.id)) continue;
    if ('missing' in scenario.run) {
      results.push(notImplemented(scenario.id, scenario.what, scenario.target, scenario.run.missing, host));
      continue;
    }
    const t0 = Date.now();
    process.stderr.write(`${scenario.id}: running (${size})…\n`);
    try {
      const outcomes = [await scenario.run(size, atStart(host))].flat();
      for (const outcome of outcomes) {
        if (outcome.id === 'B1' && outcome.value !== null && outcome.docs > 0) b1PerDocMs = outcome.value / outcome.docs;
        if (wanted(outcome.id)) results.push(outcome);
      }
    } catch (error) {
      results.push({
        ...notImplemented(scenario.id, scenario.what, scenario.target, '', host),
        status: 'failed',
        notes: `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      });
    }
    process.stderr.write(`${scenario.id}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const out = resolve('bench-results');
  mkdirSync(out, { recursive: true });
  const startedAt = new Date(started).toISOString();
  const stamped: StampedResult[] = results.map((r) => ({ ...r, size, measuredAt: startedAt }));
  // --only keeps the other scenarios' last results (each entry says when and at which size it ran).
  const kept = only ? previousResults(resolve(out, 'latest.json')).filter((r) => !results.some((n) => n.id === r.id)) : [];
  const all = [...kept, ...stamped].sort((a, b) => a.id.localeCompare(b.id));
  const report = { size, startedAt, durationS: Math.round((Date.now() - started) / 1000), machine: host, results: all };
  // Written aside and renamed, so an interrupted run never leaves half a file (*.tmp is ignored).
  writeFileSync(resolve(out, 'latest.json.tmp'), `${JSON.stringify(report, null, 2)}\n`);
  renameSync(resolve(out, 'latest.json.tmp'), resolve(out, 'latest.json'));
  console.log(table(all));
  for (const r of results) if (r.status === 'failed') console.log(`\n${r.id} ${r.notes}`);
  console.log(`\nbench-results/latest.json written (${size}, ${report.durationS} s)`);
}

// The same bundle runs the bench's sync servers in child processes (server-process.ts).
if (isServerChild()) await runServerChild();
else await main();
