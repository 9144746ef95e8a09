import { COLLECTION_NAMES } from '../../../common/schemas/collections.js';
import type { ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import { DEMO_PASSWORD } from '../../../sync-server/demo/accounts.js';
import { seededRandom, type Random } from '../../../sync-server/demo/random.js';
import type { RunningServer } from '../../../sync-server/start.js';
import { login, push } from '../../../sync-server/testing/http-client.js';
import { noteDoc } from './documents.js';
import { acknowledgedRows, FaultProxy, NORMAL, type Delivery } from './fault-proxy.js';
import { accountEdits } from './ledger.js';
import { withDeadline } from './run-size.js';
import { differences, missingFromHistory, storedDocs, storedMap } from './server-state.js';
import type { RemoteSimClient, SimDoc, SimPool } from './sim-host.js';
import type { Figures } from './summary.js';
import { startingDocs, type Edit } from './workload.js';

const SETTLE_MS = 60_000;

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

export interface DeviceSpec {
  readonly username: string;
  readonly deviceId: string;
  /** How far this device's clock is off (ms). */
  readonly clockOffsetMs?: number;
}

export interface SessionOptions {
  readonly seed: number;
  /** Part of every document id, so suites sharing a server never share documents. */
  readonly prefix: string;
  readonly devices: readonly DeviceSpec[];
  readonly steps: number;
}

/**
 * One seeded session of real devices (see the suites using it): starting documents, random edits,
 * notes, offline periods and a random reconnect order, then settling and every check.
 */
export async function runDeviceSession(server: RunningServer, pool: SimPool, options: SessionOptions): Promise<{ figures: Figures; problems: string[] }> {
  const { seed, prefix } = options;
  const random = seededRandom(seed);
  const sup = await login(server.url, 'sup', DEMO_PASSWORD, 'seed-writer');
  const start = startingDocs(seed, prefix, 'c-anka', { tickets: 3, assets: 2 });
  const bogaz = startingDocs(seed, `${prefix}b`, 'c-bogaz', { tickets: 1, assets: 0 });
  for (const [collection, docs] of [['tickets', [...start.tickets, ...bogaz.tickets]], ['assets', start.assets]] as const) {
    const answer = await push(server.url, sup.accessToken, collection, docs.map((doc) => ({ newDocumentState: doc })));
    if (answer.status !== 200) throw new Error(`seeding ${collection}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const targets = [
    ...[...start.tickets, ...bogaz.tickets].map((doc) => ({ collection: 'tickets' as const, id: doc.id, contractId: String(doc['contractId']) })),
    ...start.assets.map((doc) => ({ collection: 'assets' as const, id: doc.id, contractId: String(doc['contractId']) })),
  ];

  const devices: Device[] = [];
  const workers = await pool.devices(options.devices.length);
  try {
    for (const [index, spec] of options.devices.entries()) {
      const proxy = new FaultProxy(server.url, faultPlan(seededRandom(seed * 31 + index)));
      const url = await proxy.listen();
      const client = workers[index] as RemoteSimClient;
      devices.push({ name: spec.deviceId, proxy, client });
      await client.open({ serverUrl: url, username: spec.username, password: DEMO_PASSWORD, deviceId: `${spec.deviceId}-${seed}` }, spec.clockOffsetMs ?? 0);
    }
    await Promise.all(devices.map((device) => withDeadline(30_000, `${device.name} first sync`, () => device.client.awaitInSync())));

    const edits: Edit[] = [];
    const notes: SimDoc[] = [];
    for (let step = 0; step < options.steps; step++) {
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
        const note = noteDoc(`e-${prefix}${seed}-${step}`, ticket.contractId, ticket.id, device.client.userId, `${device.name}-${seed}`, `Not ${seed}/${step}`, new Date().toISOString());
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
    const sum = (key: keyof FaultProxy['counts']) => devices.reduce((total, device) => total + device.proxy.counts[key], 0);
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
        duplicates: sum('duplicates'),
        droppedReplies: sum('droppedReplies'),
        refreshes: sum('refreshes'),
        unauthorized: sum('unauthorized'),
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
