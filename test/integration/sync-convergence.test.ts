import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../common/schemas/collections.js';
import type { ConflictRecord } from '../../common/sync/merge/conflict-record.js';
import { DEMO_PASSWORD } from '../../sync-server/demo/accounts.js';
import { seededRandom, type Random } from '../../sync-server/demo/random.js';
import type { RunningServer } from '../../sync-server/start.js';
import { login, push } from '../../sync-server/testing/http-client.js';
import { startServerOn, storeKinds } from '../../sync-server/testing/store-matrix.js';
import { noteDoc } from './support/documents.js';
import { acknowledgedRows, FaultProxy, NORMAL, type Delivery } from './support/fault-proxy.js';
import { accountEdits } from './support/ledger.js';
import { seedsFor, suiteTimeout, withDeadline } from './support/run-size.js';
import { differences, missingFromHistory, storedDocs, storedMap } from './support/server-state.js';
import { SimPool, type RemoteSimClient, type SimDoc } from './support/sim-host.js';
import { addFigures, printSummary, reportFailures, type Figures, type SeedFailure } from './support/summary.js';
import { startingDocs, type Edit } from './support/workload.js';

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
const SEEDS = seedsFor(3);
const STEPS = 28;
const DEVICES = [
  { username: 'tech', deviceId: 'tech-laptop' },
  { username: 'tech2', deviceId: 'tech2-laptop' },
  { username: 'sup', deviceId: 'sup-desk' },
] as const;
const SETTLE_MS = 45_000;

function faultPlan(random: Random): (method: string, path: string) => Delivery {
  return (method, path) => {
    if (path.includes('/auth/')) return NORMAL;
    if (method === 'POST') return { times: random.chance(0.25) ? random.int(2, 3) : 1, parallel: random.chance(0.5), dropReply: random.chance(0.12) };
    return { times: 1, parallel: false, dropReply: random.chance(0.05) };
  };
}

interface Device {
  readonly name: string;
  readonly proxy: FaultProxy;
  readonly client: RemoteSimClient;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle(server: RunningServer, devices: readonly Device[]): Promise<string[]> {
  const deadline = Date.now() + SETTLE_MS;
  let problems: string[] = ['not compared yet'];
  while (Date.now() < deadline) {
    await Promise.all(devices.map((device) => device.client.resync()));
    await Promise.all(devices.map((device) => withDeadline(10_000, `${device.name} awaitInSync`, () => device.client.awaitInSync()).catch(() => undefined)));
    problems = await compareReplicas(server, devices);
    if (problems.length === 0) return [];
    await sleep(150);
  }
  return problems;
}

async function compareReplicas(server: RunningServer, devices: readonly Device[]): Promise<string[]> {
  const problems: string[] = [];
  for (const device of devices) {
    const pending = await device.client.pendingCount();
    if (pending > 0) problems.push(`${device.name}: ${pending} local changes not on the server`);
    for (const collection of COLLECTION_NAMES) {
      const expected = await storedDocs(server.store, collection, device.client.contractIds);
      const replica = await device.client.snapshot(collection);
      for (const line of differences(replica, expected)) problems.push(`${device.name} ${collection} ${line}`);
    }
  }
  return problems;
}

async function runSeed(server: RunningServer, pool: SimPool, seed: number): Promise<{ figures: Figures; problems: string[] }> {
  const random = seededRandom(seed);
  const sup = await login(server.url, 'sup', DEMO_PASSWORD, 'seed-writer');
  const start = startingDocs(seed, 'cv', 'c-anka', { tickets: 3, assets: 2 });
  const bogaz = startingDocs(seed, 'cvb', 'c-bogaz', { tickets: 1, assets: 0 });
  for (const [collection, docs] of [['tickets', [...start.tickets, ...bogaz.tickets]], ['assets', start.assets]] as const) {
    const answer = await push(server.url, sup.accessToken, collection, docs.map((doc) => ({ newDocumentState: doc })));
    if (answer.status !== 200) throw new Error(`seeding ${collection}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const targets = [
    ...[...start.tickets, ...bogaz.tickets].map((doc) => ({ collection: 'tickets' as const, id: doc.id, contractId: String(doc['contractId']) })),
    ...start.assets.map((doc) => ({ collection: 'assets' as const, id: doc.id, contractId: String(doc['contractId']) })),
  ];

  const devices: Device[] = [];
  const workers = await pool.devices(DEVICES.length);
  try {
    for (const [index, spec] of DEVICES.entries()) {
      const proxy = new FaultProxy(server.url, faultPlan(seededRandom(seed * 31 + index)));
      const url = await proxy.listen();
      const client = workers[index] as RemoteSimClient;
      devices.push({ name: spec.deviceId, proxy, client });
      await client.open({ serverUrl: url, username: spec.username, password: DEMO_PASSWORD, deviceId: `${spec.deviceId}-${seed}` });
    }
    await Promise.all(devices.map((device) => withDeadline(30_000, `${device.name} first sync`, () => device.client.awaitInSync())));

    const edits: Edit[] = [];
    const notes: SimDoc[] = [];
    for (let step = 0; step < STEPS; step++) {
      const device = random.pick(devices);
      const roll = random.next();
      if (roll < 0.16) {
        // At most two devices offline at once, so some always talk to each other.
        const offline = devices.filter((candidate) => !candidate.proxy.isOnline).length;
        if (device.proxy.isOnline && offline < 2) device.proxy.setOnline(false);
        else if (!device.proxy.isOnline) {
          device.proxy.setOnline(true);
          await device.client.resync();
        }
      } else if (roll < 0.26) {
        const ticket = random.pick(targets.filter((target) => target.collection === 'tickets' && device.client.contractIds.includes(target.contractId)));
        const note = noteDoc(`e-cv${seed}-${step}`, ticket.contractId, ticket.id, device.client.userId, `${device.name}-${seed}`, `Not ${seed}/${step}`, new Date().toISOString());
        await device.client.insert('events', note);
        notes.push(note);
      } else {
        const visible = targets.filter((target) => device.client.contractIds.includes(target.contractId));
        const target = random.pick(visible);
        const made = await device.client.edit(target.collection, target.id, { seed: random.int(0, 2 ** 31), tag: `${seed}-${step}` });
        for (const edit of made) edits.push({ ...edit, order: step, client: device.name });
      }
      if (random.chance(0.3)) await sleep(random.int(0, 120));
    }
    // Everyone comes back, in a random order with random gaps.
    const order = [...devices].sort(() => random.next() - 0.5);
    for (const device of order) {
      if (!device.proxy.isOnline) {
        device.proxy.setOnline(true);
        await device.client.resync();
        await sleep(random.int(0, 200));
      }
    }

    const problems = await settle(server, devices);
    const diverged = problems.length;
    const acknowledged = devices.flatMap((device) => acknowledgedRows(device.proxy.acks));
    const notInHistory = await missingFromHistory(server.store, acknowledged);
    const final = await storedMap(server.store);
    const seedDocIds = new Set(targets.map((target) => target.id));
    const records = (await storedDocs(server.store, 'conflicts')).filter((doc) => seedDocIds.has(String(doc['documentId']))) as unknown as ConflictRecord[];
    const ledger = accountEdits(edits, final, records);
    const notesMissing = notes.filter((note) => !final.has(`events/${note.id}`)).length;
    let leaked = 0;
    for (const device of devices) {
      for (const collection of COLLECTION_NAMES) {
        const docs = await device.client.snapshot(collection);
        leaked += docs.filter((doc) => collection !== 'staff' && !device.client.contractIds.includes(String(doc['contractId']))).length;
      }
    }
    const counts = devices.reduce((sum, device) => sum + device.proxy.counts.duplicates, 0);
    const dropped = devices.reduce((sum, device) => sum + device.proxy.counts.droppedReplies, 0);
    const lost = notInHistory + ledger.lost.length + notesMissing;
    for (const edit of ledger.lost) problems.push(`lost edit ${JSON.stringify(edit)}`);
    if (notInHistory > 0) problems.push(`${notInHistory} acknowledged states missing from the server history`);
    if (notesMissing > 0) problems.push(`${notesMissing} notes missing on the server`);
    if (leaked > 0) problems.push(`${leaked} documents outside their device's contracts`);
    return {
      figures: {
        edits: edits.length + notes.length,
        acknowledged: acknowledged.length,
        overruled: records.length,
        duplicates: counts,
        droppedReplies: dropped,
        lost,
        diverged,
        leaked,
      },
      problems,
    };
  } finally {
    for (const device of devices) {
      await device.client.close().catch(() => undefined);
      await device.proxy.close();
    }
  }
}

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
      const totals: Figures = { edits: 0, acknowledged: 0, overruled: 0, duplicates: 0, droppedReplies: 0, lost: 0, diverged: 0, leaked: 0 };
      const failures: SeedFailure[] = [];
      for (const seed of SEEDS) {
        try {
          const { figures, problems } = await withDeadline(120_000, `seed ${seed}`, () => runSeed(server, pool, seed));
          addFigures(totals, figures);
          if (problems.length > 0) failures.push({ seed, problem: problems.slice(0, 8).join('; ') });
        } catch (error) {
          failures.push({ seed, problem: String(error) });
        }
      }
      printSummary('sync-convergence', kind, SEEDS.length, totals);
      reportFailures('sync-convergence', FILE, kind, failures);
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

