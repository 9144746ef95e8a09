import { parentPort } from 'node:worker_threads';
import { openSimClient, type SimClient, type SimDoc } from 'deskops-sim-client';
import { seededRandom } from '../../../sync-server/demo/random.js';
import { randomEdit } from './workload.js';

/**
 * One simulated device in its own worker thread. RxDB's free build allows 13 open collections
 * per JavaScript context and the app's database has 7, so every device needs its own context,
 * exactly like every laptop has its own app. Requests come from sim-host.ts as `{ id, method, args }`.
 */
interface Request {
  readonly id: number;
  readonly method: string;
  readonly args: unknown[];
}

export interface EditSpec {
  readonly seed: number;
  readonly tag: string;
}

let client: SimClient | null = null;

/**
 * This device's clock: every `Date` in this worker (the app's code, RxDB, the token expiry maths)
 * runs `offset` ms off, like a laptop with a wrong clock. Worker threads have their own globals.
 */
let offset = 0;
const RealDate = Date;
class DeviceDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + offset;
  }
}
globalThis.Date = DeviceDate as DateConstructor;

function current(): SimClient {
  if (!client) throw new Error('no client open in this worker');
  return client;
}

type Collection = 'tickets' | 'assets';

const methods: Record<string, (...args: never[]) => unknown> = {
  async open(options: Parameters<typeof openSimClient>[0], clockOffsetMs = 0) {
    offset = clockOffsetMs;
    client = await openSimClient(options);
    return { userId: client.userId, contractIds: client.contractIds };
  },
  insert: (collection: string, doc: SimDoc) => current().insert(collection, doc),
  async edit(collection: Collection, id: string, spec: EditSpec) {
    let made: ReturnType<typeof randomEdit> = null;
    const found = await current().modify(collection, id, (doc) => {
      // RxDB may call this again on a newer state: the same sub-seed makes the same choice.
      made = randomEdit(seededRandom(spec.seed), collection, doc, spec.tag, new Date().toISOString());
      return made?.next ?? null;
    });
    const result = made as ReturnType<typeof randomEdit>;
    return found && result ? result.edits : [];
  },
  snapshot: (collection: string) => current().snapshot(collection),
  resync: () => current().resync(),
  awaitInSync: () => current().awaitInSync(),
  pending: () => current().pendingCount,
  async close() {
    const open = client;
    client = null;
    await open?.close();
  },
};

const port = parentPort;
if (!port) throw new Error('sim-worker runs as a worker thread');
port.on('message', (request: Request) => {
  const method = methods[request.method];
  Promise.resolve()
    .then(() => {
      if (!method) throw new Error(`unknown method ${request.method}`);
      return (method as (...args: unknown[]) => unknown)(...request.args);
    })
    .then(
      (value) => port.postMessage({ id: request.id, ok: true, value }),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }),
    );
});
