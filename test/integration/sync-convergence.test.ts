import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../sync-server/start.js';
import { startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { runDeviceSession, type DeviceSpec } from './support/device-session.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { SimPool } from './support/sim-host.js';
import { runSeeds } from './support/summary.js';

/**
 * Invariants 1, 3, 4 and 5 (sync.md) with the app's real client code: every simulated device is
 * `openDatabase` (RxDB memory storage, the three-way conflict handler, conflict records) plus the
 * `SyncEngine` (replicateCollection for every collection, the SSE stream), talking HTTP to a real
 * server through its own fault proxy that takes it offline and duplicates pushes and drops replies.
 * Devices edit overlapping tickets and assets (status, title, priority, sets, free text, deletes)
 * and append notes, go offline at random and reconnect in a random order. Afterwards every replica
 * must equal the server field by field, every acknowledged push must be in the server's history,
 * and every edit must be in the final state, knowingly replaced, or kept in a conflict record.
 *
 * The operations follow the seed exactly; how replication interleaves with them is real timing,
 * so a replay repeats the same edits and faults, not necessarily the same interleaving.
 */
const FILE = 'test/integration/sync-convergence.test.ts';
const SEEDS = seedsFor(2);
const STEPS = 28;
const DEVICES: readonly DeviceSpec[] = [
  { username: 'tech', deviceId: 'tech-laptop' },
  { username: 'tech2', deviceId: 'tech2-laptop' },
  { username: 'sup', deviceId: 'sup-desk' },
];

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  const pool = new SimPool();
  beforeAll(async () => {
    server = await startServerOn(kind);
  });
  afterAll(async () => {
    await pool.dispose();
    await server?.close();
  });

  it(
    `replicas of several devices with offline periods, duplicated pushes and lost replies converge and lose nothing (${SEEDS.length} seeds)`,
    async () => {
      const { totals, failures } = await runSeeds({ suite: 'sync-convergence', file: FILE, kind, seeds: SEEDS, deadlineMs: 120_000, shown: 8 }, (seed) => runDeviceSession(server, pool, { seed, prefix: 'cv', devices: DEVICES, steps: STEPS }));
      expect(failures).toEqual([]);
      expect({ lost: totals['lost'], diverged: totals['diverged'], leaked: totals['leaked'] }).toEqual({ lost: 0, diverged: 0, leaked: 0 });
      // The run really exercised the faults it claims to survive.
      expect(totals['acknowledged']).toBeGreaterThan(0);
      expect(totals['duplicates']).toBeGreaterThan(0);
      expect(totals['droppedReplies']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 60_000),
  );
});

