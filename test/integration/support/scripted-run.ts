import type { CollectionName } from '../../../common/schemas/collections.js';
import { DEMO_PASSWORD } from '../../../sync-server/demo/accounts.js';
import { seededRandom } from '../../../sync-server/demo/random.js';
import type { LoginResponse } from '../../../common/sync/protocol.js';
import { login, push } from '../../../sync-server/testing/http-client.js';
import { noteDoc } from './documents.js';
import { NoAnswerError, ProtocolClient, type Doc } from './protocol-client.js';
import { randomEdit, startingDocs, type Edit } from './workload.js';

/**
 * A seeded, fully deterministic multi-device session at the protocol level (see
 * protocol-client.ts): the same seed makes the same requests in the same order, so a run with
 * faults can be compared with a clean run of the same seed, state for state and revision for
 * revision. Devices edit overlapping tickets and assets, append notes, go offline and come back.
 */
export const SCRIPT_COLLECTIONS: readonly CollectionName[] = ['tickets', 'assets', 'events', 'conflicts'];

export interface ScriptDevice {
  readonly username: string;
  readonly deviceId: string;
  /** How far this device's clock is off (ms); the device's `now()` includes it. */
  readonly skewMs?: number;
}

export interface ScriptWorld {
  /** Where devices send their requests (a proxy, a server that may be restarted). */
  readonly url: () => string;
  /** Called after a request got no answer, before it is retried (restart a killed server…). */
  readonly recover?: () => Promise<void>;
  /** Called before every step (arm a crash, kill a server…). */
  readonly beforeStep?: (step: number) => Promise<void>;
}

export interface ScriptResult {
  readonly ids: { readonly tickets: readonly string[]; readonly assets: readonly string[]; readonly events: string[] };
  /** Every state a device saw acknowledged (its push answered without a conflict for it). */
  readonly acknowledged: { collection: CollectionName; state: Doc }[];
  readonly edits: Edit[];
  readonly conflicts: number;
  readonly retries: number;
  readonly devices: { readonly username: string; readonly client: ProtocolClient }[];
}

const BASE_TIME = Date.parse('2026-11-25T08:00:00.000Z');
const MAX_RETRIES = 40;

export interface ScriptOptions {
  readonly seed: number;
  readonly prefix: string;
  readonly steps: number;
  readonly devices: readonly ScriptDevice[];
  /** The server that creates the starting documents (and where devices sign in). */
  readonly serverUrl: string;
  /** Shared documents to edit (fewer → more conflicts); default 3 tickets and 2 assets. */
  readonly docs?: { readonly tickets: number; readonly assets: number };
  /**
   * Sign-ins to reuse (each costs an Argon2 hash), by server address: give each suite's servers
   * their own map, so a port a closed server freed never hands out another server's token.
   */
  readonly sessions?: SessionCache;
}

export type SessionCache = Map<string, Promise<LoginResponse>>;

function session(cache: SessionCache, serverUrl: string, username: string, deviceId: string): Promise<LoginResponse> {
  const key = `${serverUrl} ${username} ${deviceId}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = login(serverUrl, username, DEMO_PASSWORD, deviceId)));
  return found;
}

export async function runScript(world: ScriptWorld, options: ScriptOptions): Promise<ScriptResult> {
  const random = seededRandom(options.seed);
  const start = startingDocs(options.seed, options.prefix, 'c-anka', options.docs ?? { tickets: 3, assets: 2 });
  const sessions: SessionCache = options.sessions ?? new Map<string, Promise<LoginResponse>>();
  const sup = await session(sessions, options.serverUrl, 'sup', `script-${options.prefix}`);
  for (const [collection, docs] of [['tickets', start.tickets], ['assets', start.assets]] as const) {
    const answer = await push(options.serverUrl, sup.accessToken, collection, docs.map((doc) => ({ newDocumentState: doc })));
    if (answer.status !== 200) throw new Error(`starting ${collection}: ${answer.status}`);
  }
  let clock = 0;
  const devices = [];
  for (const spec of options.devices) {
    const signedIn = await session(sessions, options.serverUrl, spec.username, spec.deviceId);
    const skew = spec.skewMs ?? 0;
    const client = new ProtocolClient({
      baseUrl: world.url,
      token: signedIn.accessToken,
      userId: signedIn.user.id,
      deviceId: `${spec.deviceId}-${options.seed}`,
      now: () => new Date(BASE_TIME + clock * 60_000 + skew).toISOString(),
    });
    devices.push({ username: spec.username, client, online: true, contractIds: signedIn.user.contractIds });
  }

  let retries = 0;
  const acknowledged: ScriptResult['acknowledged'] = [];
  const persist = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof NoAnswerError) || attempt >= MAX_RETRIES) throw error;
        retries++;
        await world.recover?.();
      }
    }
  };
  const syncDevice = async (client: ProtocolClient) => {
    for (const collection of SCRIPT_COLLECTIONS) {
      for (let round = 0; client.pending(collection).length > 0; round++) {
        if (round > 20) throw new Error(`${collection} still pending after 20 rounds`);
        const outcome = await persist(() => client.pushOnce(collection));
        for (const state of outcome.acknowledged) acknowledged.push({ collection, state });
      }
    }
    for (const collection of SCRIPT_COLLECTIONS) await persist(() => client.pull(collection));
  };

  for (const device of devices) await syncDevice(device.client);
  const edits: Edit[] = [];
  const events: string[] = [];
  const targets = [
    ...start.tickets.map((doc) => ({ collection: 'tickets' as const, id: doc.id })),
    ...start.assets.map((doc) => ({ collection: 'assets' as const, id: doc.id })),
  ];
  for (let step = 0; step < options.steps; step++) {
    clock = step + 1;
    await world.beforeStep?.(step);
    const device = random.pick(devices);
    const roll = random.next();
    if (roll < 0.12) {
      device.online = !device.online || devices.filter((other) => !other.online).length >= 2;
    } else if (roll < 0.3) {
      if (device.online) await syncDevice(device.client);
    } else if (roll < 0.38) {
      const ticket = random.pick(start.tickets);
      const id = `e-${options.prefix}${options.seed}-${step}`;
      device.client.write('events', noteDoc(id, 'c-anka', ticket.id, device.client.userId, `${device.username}`, `Not ${step}`, device.client.now()));
      events.push(id);
    } else {
      const target = random.pick(targets);
      const current = device.client.get(target.collection, target.id);
      if (current && current['_deleted'] !== true) {
        const made = randomEdit(random, target.collection, current, `${options.seed}-${step}`, device.client.now());
        if (made) {
          device.client.write(target.collection, made.next);
          for (const edit of made.edits) edits.push({ ...edit, order: step, client: device.username });
        }
      }
    }
  }
  // Everyone back online; sync in rounds until a whole round changes nothing anywhere.
  clock = options.steps + 1;
  for (const device of devices) device.online = true;
  for (let round = 0; ; round++) {
    if (round > 12) throw new Error('devices did not settle in 12 rounds');
    const before = acknowledged.length;
    for (const device of devices) await syncDevice(device.client);
    if (acknowledged.length === before && devices.every((device) => !device.client.hasPending(SCRIPT_COLLECTIONS))) break;
  }
  return {
    ids: { tickets: start.tickets.map((doc) => doc.id), assets: start.assets.map((doc) => doc.id), events },
    acknowledged,
    edits,
    conflicts: devices.reduce((sum, device) => sum + device.client.conflictsSeen, 0),
    retries,
    devices: devices.map((device) => ({ username: device.username, client: device.client })),
  };
}
