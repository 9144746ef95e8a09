import type { StoreKind } from '../../../sync-server/testing/store-matrix.js';
import { withDeadline } from './run-size.js';

/** Counters a suite adds up over its seeds; each suite chooses its own names. */
export type Figures = Record<string, number>;

export function addFigures(total: Figures, more: Figures): void {
  for (const [key, value] of Object.entries(more)) total[key] = (total[key] ?? 0) + value;
}

export interface SeedFailure {
  readonly seed: number;
  readonly problem: string;
}

/**
 * The one line a suite prints per store, e.g.
 * `sync-faults[sqlite]: seeds=20 acknowledged=1234 lost=0 skipped=0 diverged=0 leaked=0`.
 */
export function printSummary(suite: string, kind: StoreKind, seeds: number, figures: Figures): string {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`);
  const line = `${suite}[${kind}]: seeds=${seeds} ${parts.join(' ')}`;
  process.stdout.write(`${line}\n`);
  return line;
}

/** Names every failing seed with the command that replays it. */
export function reportFailures(suite: string, file: string, kind: StoreKind, failures: readonly SeedFailure[]): void {
  for (const failure of failures) {
    process.stderr.write(
      `${suite}[${kind}] FAILED seed ${failure.seed}: ${failure.problem}\n` +
        `  replay: SYNC_FAULTS_SEED=${failure.seed} npx vitest run ${file}` +
        `${kind === 'sqlite' ? '   (DESKOPS_TEST_POSTGRES=0 runs SQLite only)' : ''}\n`,
    );
  }
}

/** What one seed of a suite reports: counters to add up, and what went wrong (empty when nothing). */
export interface SeedOutcome {
  readonly figures: Figures;
  readonly problems: readonly string[];
}

export interface SeedLoop {
  readonly suite: string;
  readonly file: string;
  readonly kind: StoreKind;
  readonly seeds: readonly number[];
  /** Each seed's own deadline (a hang fails that seed, with its replay command). */
  readonly deadlineMs: number;
  /** How many problems of a seed are shown, and joined with what. */
  readonly shown?: number;
  readonly separator?: string;
  /** Turns a seed that threw into its failure text, and repairs what it left behind. */
  readonly onError?: (error: unknown) => Promise<string> | string;
}

/**
 * Runs every seed of a suite in turn, adds up their figures, prints the summary line and names the
 * failing seeds with their replay command. The caller asserts on `failures` and the totals.
 */
export async function runSeeds(loop: SeedLoop, run: (seed: number) => Promise<SeedOutcome>): Promise<{ totals: Figures; failures: SeedFailure[] }> {
  const totals: Figures = {};
  const failures: SeedFailure[] = [];
  for (const seed of loop.seeds) {
    try {
      const { figures, problems } = await withDeadline(loop.deadlineMs, `seed ${seed}`, () => run(seed));
      addFigures(totals, figures);
      if (problems.length > 0) failures.push({ seed, problem: problems.slice(0, loop.shown ?? 6).join(loop.separator ?? '; ') });
    } catch (error) {
      failures.push({ seed, problem: loop.onError ? await loop.onError(error) : String(error) });
    }
  }
  printSummary(loop.suite, loop.kind, loop.seeds.length, totals);
  reportFailures(loop.suite, loop.file, loop.kind, failures);
  return { totals, failures };
}
