import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse, SyncCheckpoint } from '../../common/sync/protocol.js';
import { openDatabase, type DeskDatabase } from '../db/database.js';
import { replicateCollection, storedCheckpoint } from './collection-replication.js';
import { StoredPageGate } from './stored-page-gate.js';
import { ServerStateRequests } from './server-state-requests.js';

describe('StoredPageGate', () => {
  it('holds the third page of a run until the first is stored, and lets a new run through', async () => {
    let stored: number | undefined = undefined;
    const gate = new StoredPageGate(() => stored, () => false, { pollMs: 1, maxWaitMs: 10_000 });
    await gate.handOut(undefined, { seq: 10 });
    await gate.handOut({ seq: 10 }, { seq: 20 });
    let third = false;
    const waiting = gate.handOut({ seq: 20 }, { seq: 30 }).then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third).toBe(false);
    stored = 10;
    await waiting;
    expect(third).toBe(true);
    // A pull from another checkpoint (a retry, a RESYNC) is a new run: nothing to wait for.
    await gate.handOut({ seq: 5 }, { seq: 15 });
    await gate.handOut({ seq: 15 }, { seq: 25 });
  });

  it('starts a new run when the server restarts the pull below the checkpoint (a scope change)', async () => {
    const stored = 300;
    const gate = new StoredPageGate(() => stored, () => false, { pollMs: 1, maxWaitMs: 60_000 }, () => 0);
    await gate.handOut({ seq: 100 }, { seq: 200 });
    await gate.handOut({ seq: 200 }, { seq: 300 });
    // Restarted from the beginning: the page ends at 40, and RxDB will store 40, then 80, then 120.
    await gate.handOut({ seq: 300 }, { seq: 40 });
    await gate.handOut({ seq: 40 }, { seq: 80 });
    // Without the new run this waits for 200, which a restarted replica never stores (the clock never moves).
    let third = false;
    const waiting = gate.handOut({ seq: 80 }, { seq: 120 }).then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third).toBe(true);
    await waiting;
  });

  it('gives up waiting when the replication stops or after maxWaitMs', async () => {
    let stopped = false;
    const gate = new StoredPageGate(() => undefined, () => stopped, { pollMs: 1, maxWaitMs: 60_000 });
    await gate.handOut(undefined, { seq: 1 });
    await gate.handOut({ seq: 1 }, { seq: 2 });
    const waiting = gate.handOut({ seq: 2 }, { seq: 3 });
    stopped = true;
    await waiting;
    let clock = 0;
    const timed = new StoredPageGate(() => undefined, () => false, { pollMs: 1, maxWaitMs: 50 }, () => (clock += 10));
    await timed.handOut(undefined, { seq: 1 });
    await timed.handOut({ seq: 1 }, { seq: 2 });
    await timed.handOut({ seq: 2 }, { seq: 3 });
    expect(clock).toBeGreaterThanOrEqual(50);
  });
});

describe('replicateCollection with slow storage', () => {
  let db: DeskDatabase | null = null;
  afterEach(async () => {
    await db?.close();
    db = null;
  });

  it('stores pulled pages about one at a time, not the whole backlog in one write, and RxDB saves each page’s checkpoint', async () => {
    const memory = getRxStorageMemory();
    const writes: number[] = [];
    // IndexedDB is slower than the network in an initial sync: every write of people takes 40 ms.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const slow: RxStorage<any, any> = {
      ...memory,
      name: memory.name,
      rxdbVersion: memory.rxdbVersion,
      async createStorageInstance(params) {
        const instance = await memory.createStorageInstance(params);
        if (params.collectionName !== 'people') return instance;
        const bulkWrite = instance.bulkWrite.bind(instance);
        instance.bulkWrite = async (rows: Parameters<typeof bulkWrite>[0], context: string) => {
          writes.push(rows.length);
          await new Promise((resolve) => setTimeout(resolve, 40));
          return bulkWrite(rows, context);
        };
        return instance;
      },
    };
    db = await openDatabase({ name: `gate-${Date.now()}`, storage: slow, multiInstance: false });
    const pageSize = 10;
    const people = Array.from({ length: 8 * pageSize }, (_, i) => ({
      id: `p-${String(i).padStart(3, '0')}`,
      contractId: 'c-1',
      name: `Person ${i}`,
      email: '',
      phone: '',
      department: '',
      siteId: null,
      updatedAt: '2025-01-01T00:00:00.000Z',
      _deleted: false,
    }));
    const pull = (after: number): PullResponse<Record<string, unknown>> => {
      const documents = people.slice(after, after + pageSize);
      return { documents, checkpoint: { seq: after + documents.length, scope: 's' } };
    };
    const replication = replicateCollection('people', {
      db,
      serverUrl: 'http://127.0.0.1:1',
      userId: 'u-1',
      tracker: { rebase: (_name: string, rows: unknown[]) => rows, accepted: () => undefined, refuse: () => undefined, isRefused: () => false } as never,
      retryTimeMs: 1000,
      pullBatchSize: pageSize,
      pushBatchSize: 10,
      request: (path: string) => {
        const checkpoint = new URL(path, 'http://x').searchParams.get('checkpoint');
        const after = checkpoint ? (JSON.parse(atob(checkpoint.replace(/-/g, '+').replace(/_/g, '/'))) as SyncCheckpoint).seq : 0;
        return Promise.resolve(new Response(JSON.stringify(pull(after))));
      },
      pulled: () => undefined,
      stream$: () => new Subject<'RESYNC'>(),
      scope: () => undefined,
      serverStates: new ServerStateRequests(),
    });
    await replication.awaitInitialReplication();
    expect(await db.people.count().exec()).toBe(people.length);
    // Without the gate RxDB merges every page pulled meanwhile: 10 and then 70 in one write.
    expect(Math.max(...writes)).toBeLessThanOrEqual(2 * pageSize);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(storedCheckpoint(replication)?.seq).toBe(people.length);
    await replication.cancel();
  });
});
