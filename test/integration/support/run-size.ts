/**
 * How big a fault/fuzz suite runs. `npm test` uses each suite's small default; larger runs and
 * replays are chosen with environment variables (so they also pass through `npx vitest run`):
 *
 * - `SYNC_FAULTS_SEEDS=200` — seeds per suite and store (seeds are base, base+1, …);
 * - `SYNC_FAULTS_BASE=1000` — the first seed (default 1), to explore other seeds;
 * - `SYNC_FAULTS_SEED=1234` — exactly this seed (what a failure message tells you to run).
 */
function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
}

export function seedsFor(defaultCount: number, env: NodeJS.ProcessEnv = process.env): number[] {
  const one = env['SYNC_FAULTS_SEED'];
  if (one) return [positiveInteger('SYNC_FAULTS_SEED', one)];
  const count = env['SYNC_FAULTS_SEEDS'] ? positiveInteger('SYNC_FAULTS_SEEDS', env['SYNC_FAULTS_SEEDS']) : defaultCount;
  const base = env['SYNC_FAULTS_BASE'] ? positiveInteger('SYNC_FAULTS_BASE', env['SYNC_FAULTS_BASE']) : 1;
  return Array.from({ length: count }, (_, index) => base + index);
}

/** A vitest timeout for a whole suite: fixed start-up plus a per-seed allowance, generous for loaded machines. */
export function suiteTimeout(seeds: readonly number[], perSeedMs: number, fixedMs = 60_000): number {
  return fixedMs + seeds.length * perSeedMs;
}

/** Rejects when `work` takes longer than `ms` (a hung seed must not hang the run). */
export async function withDeadline<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The suite's seeds plus seeds that once found a bug (kept so the bug stays fixed), unless one
 * seed is being replayed.
 */
export function withRegressionSeeds(seeds: readonly number[], regressions: readonly number[], env: NodeJS.ProcessEnv = process.env): number[] {
  if (env['SYNC_FAULTS_SEED']) return [...seeds];
  return [...new Set([...seeds, ...regressions])];
}
