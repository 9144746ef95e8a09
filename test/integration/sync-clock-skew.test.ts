import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../sync-server/demo/random.js';
import type { RunningServer } from '../../sync-server/start.js';
import { startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { compareContent, seedDocuments } from './support/compare.js';
import { runDeviceSession, type DeviceSpec } from './support/device-session.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { runScript, type ScriptDevice, type SessionCache } from './support/scripted-run.js';
import { SimPool } from './support/sim-host.js';
import { runSeeds, type Figures } from './support/summary.js';

/**
 * Clocks of devices 24 h off either way. The server orders by its own sequence and detects
 * conflicts by state, never by device time, so:
 * - the same seeded session with skewed clocks and with true clocks decides the same content
 *   (every field people decide, every conflict record), in the same order; only device-time
 *   fields (`updatedAt`, `createdAt`, `at`, `mergedAt`) may differ, and `updatedAt` does run
 *   backwards along the server sequence in the skewed run;
 * - real devices (the app's sync stack, each worker thread with its own wrong clock) converge,
 *   lose nothing, and never need a token refresh or see a 401: the session converts the server's
 *   token expiry to the device clock.
 */
const FILE = 'test/integration/sync-clock-skew.test.ts';
const SEEDS = seedsFor(2);
const DEVICE_SEEDS = seedsFor(1);
const DAY = 24 * 3600_000;
const TIME_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'createdAt', 'at', 'mergedAt']);

function skewedDevices(seed: number): ScriptDevice[] {
  const random = seededRandom(seed ^ 0x5cee);
  return [
    { username: 'tech', deviceId: 'sk-tech', skewMs: DAY },
    { username: 'tech2', deviceId: 'sk-tech2', skewMs: -DAY },
    { username: 'sup', deviceId: 'sk-sup', skewMs: random.int(-DAY, DAY) },
  ];
}

describe.each(storeKinds())('%s store', (kind) => {
  let skewed: RunningServer;
  let straight: RunningServer;
  const pool = new SimPool();
  const sessions: SessionCache = new Map();
  beforeAll(async () => {
    [skewed, straight] = await Promise.all([startServerOn(kind), startServerOn(kind)]);
  });
  afterAll(async () => {
    await pool.dispose();
    await Promise.all([skewed?.close(), straight?.close()]);
  });

  async function scriptSeed(seed: number): Promise<{ figures: Figures; problems: string[] }> {
    const devices = skewedDevices(seed);
    const options = { seed, prefix: 'sk', steps: 48, serverUrl: skewed.url, devices, docs: { tickets: 2, assets: 1 }, sessions };
    const withSkew = await runScript({ url: () => skewed.url }, options);
    const withoutSkew = await runScript({ url: () => straight.url }, { ...options, serverUrl: straight.url, devices: devices.map((device) => ({ ...device, skewMs: 0 })) });
    const docs = await seedDocuments(skewed.store, withSkew.ids);
    const problems = await compareContent(skewed.store, straight.store, docs, TIME_FIELDS);
    const straightDocs = await seedDocuments(straight.store, withoutSkew.ids);
    const ids = (list: typeof docs) => list.map((doc) => `${doc.collection}/${doc.id}`).sort().join(' ');
    if (ids(docs) !== ids(straightDocs)) problems.push(`other documents (conflict records) than without skew: ${ids(docs)} vs ${ids(straightDocs)}`);
    // Device time really ran backwards along the server's order, and the order held anyway.
    let timeWentBack = 0;
    let seqWentBack = 0;
    for (const doc of docs.filter((entry) => entry.collection === 'tickets' || entry.collection === 'assets')) {
      const revisions = await skewed.store.listRevisions(doc.collection, doc.id);
      for (let i = 1; i < revisions.length; i++) {
        const [before, after] = [revisions[i - 1], revisions[i]];
        if (!before || !after) continue;
        if (Date.parse(String(after.body['updatedAt'])) < Date.parse(String(before.body['updatedAt']))) timeWentBack++;
        if (after.seq <= before.seq) seqWentBack++;
      }
    }
    if (seqWentBack > 0) problems.push(`${seqWentBack} revisions with a lower sequence than the one before`);
    return {
      figures: { conflicts: withSkew.conflicts, acknowledged: withSkew.acknowledged.length, timeWentBack, seqWentBack, outcomeDiffers: problems.length },
      problems,
    };
  }

  it(
    `decides the same content in the same order whatever the device clocks say (${SEEDS.length} seeds)`,
    async () => {
      const { totals, failures } = await runSeeds({ suite: 'sync-clock-skew', file: FILE, kind, seeds: SEEDS, deadlineMs: 60_000 }, scriptSeed);
      expect(failures).toEqual([]);
      expect({ outcomeDiffers: totals['outcomeDiffers'], seqWentBack: totals['seqWentBack'] }).toEqual({ outcomeDiffers: 0, seqWentBack: 0 });
      expect(totals['timeWentBack']).toBeGreaterThan(0);
      expect(totals['conflicts']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 30_000),
  );

  it(
    `real devices with clocks 24 h fast and slow converge, lose nothing and keep their tokens (${DEVICE_SEEDS.length} seeds)`,
    async () => {
      const devices: DeviceSpec[] = [
        { username: 'tech', deviceId: 'fast-laptop', clockOffsetMs: DAY },
        { username: 'tech2', deviceId: 'slow-laptop', clockOffsetMs: -DAY },
        { username: 'sup', deviceId: 'true-desk', clockOffsetMs: 0 },
      ];
      const { totals, failures } = await runSeeds({ suite: 'sync-clock-skew-devices', file: FILE, kind, seeds: DEVICE_SEEDS, deadlineMs: 120_000 }, (seed) => runDeviceSession(skewed, pool, { seed, prefix: 'skd', devices, steps: 18 }));
      expect(failures).toEqual([]);
      expect({ lost: totals['lost'], diverged: totals['diverged'], refreshes: totals['refreshes'], unauthorized: totals['unauthorized'] }).toEqual({
        lost: 0,
        diverged: 0,
        refreshes: 0,
        unauthorized: 0,
      });
      expect(totals['acknowledged']).toBeGreaterThan(0);
    },
    suiteTimeout(DEVICE_SEEDS, 90_000),
  );
});
