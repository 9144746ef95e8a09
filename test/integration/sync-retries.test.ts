import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../sync-server/demo/random.js';
import type { RunningServer } from '../../sync-server/start.js';
import { startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { compareOutcome, seedDocuments } from './support/compare.js';
import { FaultProxy, NORMAL, type Delivery } from './support/fault-proxy.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { runScript, SCRIPT_COLLECTIONS, type ScriptDevice, type SessionCache } from './support/scripted-run.js';
import { differences, doubleRevisions, missingFromHistory, storedDocs } from './support/server-state.js';
import { runSeeds, type Figures } from './support/summary.js';

/**
 * Invariant 3 (retries are harmless) and 1 (acknowledged means stored): the same seeded session
 * of three devices runs twice, once straight against a clean server and once through a proxy
 * that delivers each push 1–3 times (one after the other or racing each other) and drops replies
 * to pushes and pulls after the server answered. The devices retry what got no answer, as RxDB
 * does. The faulty server must end exactly where the clean one did: the same revisions of every
 * document in the same order (so nothing applied twice), every acknowledged state in the history,
 * and every device equal to the server.
 */
const FILE = 'test/integration/sync-retries.test.ts';
const SEEDS = seedsFor(3);
const STEPS = 32;
const DEVICES: readonly ScriptDevice[] = [
  { username: 'tech', deviceId: 'rt-tech' },
  { username: 'tech2', deviceId: 'rt-tech2' },
  { username: 'sup', deviceId: 'rt-sup' },
];

function faultPlan(seed: number): (method: string, path: string) => Delivery {
  const random = seededRandom(seed ^ 0x5eed);
  return (method) => {
    if (method === 'POST') {
      return { times: random.chance(0.4) ? random.int(2, 3) : 1, parallel: random.chance(0.5), dropReply: random.chance(0.3) };
    }
    return random.chance(0.15) ? { ...NORMAL, dropReply: true } : NORMAL;
  };
}

describe.each(storeKinds())('%s store', (kind) => {
  let faulty: RunningServer;
  let clean: RunningServer;
  const sessions: SessionCache = new Map();
  beforeAll(async () => {
    [faulty, clean] = await Promise.all([startServerOn(kind), startServerOn(kind)]);
  });
  afterAll(async () => {
    await Promise.all([faulty?.close(), clean?.close()]);
  });

  async function runSeed(seed: number): Promise<{ figures: Figures; problems: string[] }> {
    const proxy = new FaultProxy(faulty.url, faultPlan(seed));
    const url = await proxy.listen();
    try {
      const withFaults = await runScript({ url: () => url }, { seed, prefix: 'rt', steps: STEPS, devices: DEVICES, serverUrl: faulty.url, sessions });
      const reference = await runScript({ url: () => clean.url }, { seed, prefix: 'rt', steps: STEPS, devices: DEVICES, serverUrl: clean.url, sessions });
      const docs = await seedDocuments(faulty.store, withFaults.ids);
      const referenceDocs = await seedDocuments(clean.store, reference.ids);
      const outcome = await compareOutcome(faulty.store, clean.store, docs);
      if (referenceDocs.length !== docs.length) outcome.push(`${docs.length} documents, a clean run made ${referenceDocs.length}`);
      const problems = [...outcome];
      let doubles = 0;
      for (const collection of SCRIPT_COLLECTIONS) {
        doubles += await doubleRevisions(faulty.store, collection, docs.filter((doc) => doc.collection === collection).map((doc) => doc.id));
      }
      const lost = await missingFromHistory(faulty.store, withFaults.acknowledged);
      let diverged = 0;
      const seedIds = new Set(docs.map((doc) => doc.id));
      for (const { client } of withFaults.devices) {
        for (const collection of SCRIPT_COLLECTIONS) {
          const visible = await storedDocs(faulty.store, collection, ['c-anka']);
          const diffs = differences(client.snapshot(collection).filter((doc) => seedIds.has(doc.id)), visible.filter((doc) => seedIds.has(doc.id)));
          diverged += diffs.length;
          problems.push(...diffs.map((line) => `device ${client.userId} ${collection}: ${line}`));
        }
      }
      if (doubles > 0) problems.push(`${doubles} revisions repeat the one before them`);
      if (lost > 0) problems.push(`${lost} acknowledged states are not in the history`);
      return {
        figures: {
          requests: proxy.counts.requests,
          duplicates: proxy.counts.duplicates,
          droppedReplies: proxy.counts.droppedReplies,
          retried: withFaults.retries,
          acknowledged: withFaults.acknowledged.length,
          conflicts: withFaults.conflicts,
          lost,
          doubleApplied: doubles,
          differentFromClean: outcome.length,
          diverged,
        },
        problems,
      };
    } finally {
      await proxy.close();
    }
  }

  it(
    `ends exactly where single delivery ends when pushes arrive 1–3 times and replies are lost (${SEEDS.length} seeds)`,
    async () => {
      const { totals, failures } = await runSeeds({ suite: 'sync-retries', file: FILE, kind, seeds: SEEDS, deadlineMs: 90_000 }, runSeed);
      expect(failures).toEqual([]);
      expect({ lost: totals['lost'], doubleApplied: totals['doubleApplied'], differentFromClean: totals['differentFromClean'], diverged: totals['diverged'] }).toEqual({
        lost: 0,
        doubleApplied: 0,
        differentFromClean: 0,
        diverged: 0,
      });
      expect(totals['duplicates']).toBeGreaterThan(0);
      expect(totals['droppedReplies']).toBeGreaterThan(0);
      expect(totals['conflicts']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 30_000),
  );
});
