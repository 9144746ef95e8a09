import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../sync-server/demo/random.js';
import type { RunningServer } from '../../sync-server/start.js';
import { openPostgresStore } from '../../sync-server/store/postgres-store.js';
import { openSqliteStore } from '../../sync-server/store/sqlite-store.js';
import type { Store } from '../../sync-server/store/store.js';
import { createTestDatabase, startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { compareOutcome, seedDocuments } from './support/compare.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { runScript, SCRIPT_COLLECTIONS, type ScriptDevice, type SessionCache } from './support/scripted-run.js';
import { serverBundles, ServerProcess } from './support/server-process.js';
import { differences, doubleRevisions, missingFromHistory, storedDocs } from './support/server-state.js';
import { runSeeds, type Figures } from './support/summary.js';

/**
 * Invariants 1 and 3 across crashes: the server runs as a child process and is killed with SIGKILL
 * (a) right after a push transaction committed and before the reply (crash-preload.ts), (b) right
 * before that COMMIT, and (c) from outside at a random moment. Each time it starts again on the
 * same SQLite file / PostgreSQL database, and the devices retry what got no answer. The outcome
 * must equal a clean run of the same seeded session revision for revision: nothing acknowledged
 * is lost, nothing is applied twice, and every device ends equal to the server.
 */
const FILE = 'test/integration/sync-crash.test.ts';
const SEEDS = seedsFor(1);
const STEPS = 30;
const DEVICES: readonly ScriptDevice[] = [
  { username: 'tech', deviceId: 'kc-tech' },
  { username: 'tech2', deviceId: 'kc-tech2' },
  { username: 'sup', deviceId: 'kc-sup' },
];
type Moment = 'before-commit' | 'after-commit' | 'outside';

describe.each(storeKinds())('%s store', (kind) => {
  let clean: RunningServer;
  let server: ServerProcess;
  let reader: Store;
  let dataDir: string;
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  let trigger: string;
  const sessions: SessionCache = new Map();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskops-crash-'));
    trigger = join(dataDir, 'crash-trigger');
    let databaseUrl: string | null = null;
    if (kind === 'postgres') {
      const database = await createTestDatabase();
      databaseUrl = database.url;
      dropDatabase = database.drop;
    }
    server = new ServerProcess({ dataDir, databaseUrl, jwtSecret: randomBytes(32).toString('hex'), crashTrigger: trigger });
    [clean] = await Promise.all([startServerOn(kind), server.start()]);
    // A second connection to the child's data, for reading histories (WAL readers never block it).
    reader = databaseUrl === null ? openSqliteStore(dataDir) : await openPostgresStore(databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await reader?.close();
    await clean?.close();
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
    await (await serverBundles()).remove();
  });

  async function runSeed(seed: number): Promise<{ figures: Figures; problems: string[] }> {
    const random: Random = seededRandom(seed ^ 0xc4a5);
    // Every seed plans one kill of each kind: the two around COMMIT fire at the next push that
    // writes after they are armed (one armed as soon as the other fired), the outside one at a
    // random step, whatever is going on then.
    const fileKills: Moment[] = random.chance(0.5) ? ['before-commit', 'after-commit'] : ['after-commit', 'before-commit'];
    let armAt = random.int(1, 4);
    let outsideAt = random.int(5, STEPS - 3);
    let step = 0;
    const crashes: Record<Moment, number> = { 'before-commit': 0, 'after-commit': 0, outside: 0 };
    let armed: Moment | null = null;
    let outsideFired = false;
    let restarts = 0;
    let notKilled = 0;
    const pendingKills: ReturnType<typeof setTimeout>[] = [];
    const world = {
      url: () => server.url,
      beforeStep: async (current: number) => {
        step = current;
        const next = fileKills[0];
        if (armed === null && next !== undefined && step >= armAt) {
          fileKills.shift();
          armed = next;
          writeFileSync(trigger, next);
        }
        if (step === outsideAt) {
          pendingKills.push(
            setTimeout(() => {
              outsideFired = true;
              void server.kill();
            }, random.int(0, 30)),
          );
        }
        await Promise.resolve();
      },
      recover: async () => {
        if (!(await server.diesWithin(5_000))) return;
        if ((await server.exitSignal()) !== 'SIGKILL') notKilled++;
        if (armed !== null && !existsSync(trigger)) {
          crashes[armed]++;
          armed = null;
          armAt = step + random.int(1, 3);
        } else if (outsideFired) {
          crashes.outside++;
          outsideFired = false;
          outsideAt = -1;
        }
        await server.start();
        restarts++;
      },
    };
    const run = await runScript(world, { seed, prefix: 'kc', steps: STEPS, devices: DEVICES, serverUrl: server.url, sessions });
    for (const timer of pendingKills) clearTimeout(timer);
    // A crash armed too late to fire stays out of the next seed.
    rmSync(trigger, { force: true });
    if (!server.running) {
      await server.start();
      restarts++;
    }
    const reference = await runScript({ url: () => clean.url }, { seed, prefix: 'kc', steps: STEPS, devices: DEVICES, serverUrl: clean.url, sessions });
    const docs = await seedDocuments(reader, run.ids);
    const outcome = await compareOutcome(reader, clean.store, docs);
    if ((await seedDocuments(clean.store, reference.ids)).length !== docs.length) outcome.push('a different number of documents than a clean run');
    let doubles = 0;
    for (const collection of SCRIPT_COLLECTIONS) {
      doubles += await doubleRevisions(reader, collection, docs.filter((doc) => doc.collection === collection).map((doc) => doc.id));
    }
    const lost = await missingFromHistory(reader, run.acknowledged);
    const seedIds = new Set(docs.map((doc) => doc.id));
    let diverged = 0;
    const problems = [...outcome];
    for (const { client } of run.devices) {
      for (const collection of SCRIPT_COLLECTIONS) {
        const expected = (await storedDocs(reader, collection, ['c-anka'])).filter((doc) => seedIds.has(doc.id));
        const diffs = differences(client.snapshot(collection).filter((doc) => seedIds.has(doc.id)), expected);
        diverged += diffs.length;
        problems.push(...diffs.map((line) => `device ${client.userId} ${collection}: ${line}`));
      }
    }
    if (lost > 0) problems.push(`${lost} acknowledged states are not in the history after restarts`);
    if (doubles > 0) problems.push(`${doubles} revisions repeat the one before them`);
    if (notKilled > 0) problems.push(`${notKilled} server exits were not SIGKILL`);
    return {
      figures: {
        killedAfterCommit: crashes['after-commit'],
        killedBeforeCommit: crashes['before-commit'],
        killedAnytime: crashes.outside,
        restarts,
        retried: run.retries,
        acknowledged: run.acknowledged.length,
        lost,
        doubleApplied: doubles,
        differentFromClean: outcome.length,
        diverged,
      },
      problems,
    };
  }

  it(
    `loses nothing and applies nothing twice when the server is killed -9 around commits (${SEEDS.length} seeds)`,
    async () => {
      const onError = async (error: unknown) => {
        const problem = `${String(error)}\nserver log: ${server.stderr.slice(-2000)}`;
        if (!server.running) await server.start();
        return problem;
      };
      const { totals, failures } = await runSeeds({ suite: 'sync-crash', file: FILE, kind, seeds: SEEDS, deadlineMs: 120_000, onError }, runSeed);
      expect(failures).toEqual([]);
      expect({ lost: totals['lost'], doubleApplied: totals['doubleApplied'], differentFromClean: totals['differentFromClean'], diverged: totals['diverged'] }).toEqual({
        lost: 0,
        doubleApplied: 0,
        differentFromClean: 0,
        diverged: 0,
      });
      // Every kind of kill really happened (the default seeds are chosen so they do).
      expect(totals['killedAfterCommit']).toBeGreaterThan(0);
      expect(totals['killedBeforeCommit']).toBeGreaterThan(0);
      expect(totals['restarts']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 60_000, 120_000),
  );
});
