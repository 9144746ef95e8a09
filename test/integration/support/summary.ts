import type { StoreKind } from '../../../sync-server/testing/store-matrix.js';

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
