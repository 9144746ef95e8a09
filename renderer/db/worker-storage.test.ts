import { exposeRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from './database.js';
import { getWorkerStorage, type StorageWorker } from './worker-storage.js';

/**
 * The worker is a real message channel here (structured clone both ways, like postMessage to a
 * Worker); its far end runs the same exposeRxStorageRemote as storage.worker.ts, over the memory
 * storage because Node has no IndexedDB (the Dexie worker itself runs in every Playwright spec).
 */
function channelWorker(): { worker: StorageWorker; fail(message: string): void; requests: string[] } {
  const { port1, port2 } = new MessageChannel();
  const messages$ = new Subject<MessageToRemote>();
  const requests: string[] = [];
  port2.addEventListener('message', (event: MessageEvent<MessageToRemote>) => {
    requests.push(event.data.method);
    messages$.next(event.data);
  });
  port2.start();
  exposeRxStorageRemote({ storage: getRxStorageMemory(), messages$, send: (message) => port2.postMessage(message) });
  const errorListeners: ((event: Event) => void)[] = [];
  const worker: StorageWorker = {
    postMessage: (message) => port1.postMessage(message),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'error') errorListeners.push(listener as (event: Event) => void);
      else {
        port1.addEventListener('message', listener as (event: MessageEvent<MessageFromRemote>) => void);
        port1.start();
      }
    },
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
  const fail = (message: string) => {
    for (const listener of errorListeners) listener(Object.assign(new Event('error'), { message }));
  };
  return { worker, fail, requests };
}

describe('getWorkerStorage', () => {
  const open: DeskDatabase[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });

  it('runs the replica through the channel: writes, sorted pages, counts and live queries', async () => {
    const channel = channelWorker();
    const db = await openDatabase({ name: `worker-${Date.now()}`, storage: getWorkerStorage(() => channel.worker), multiInstance: false });
    open.push(db);
    const person = (i: number) => ({
      id: `p-${i}`,
      contractId: 'c-1',
      name: `Person ${String(i).padStart(2, '0')}`,
      email: '',
      phone: '',
      department: '',
      siteId: null,
      updatedAt: `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
    });
    await db.people.bulkInsert(Array.from({ length: 12 }, (_, i) => person(i)));
    const page = await db.people.find({ selector: { contractId: 'c-1' }, sort: [{ name: 'desc' }], limit: 3 }).exec();
    expect(page.map((doc) => doc.id)).toEqual(['p-11', 'p-10', 'p-9']);
    expect(await db.people.count({ selector: { contractId: 'c-1' } }).exec()).toBe(12);
    const seen = new Promise<string[]>((resolve) => {
      const sub = db.people.find({ selector: { contractId: 'c-1' }, sort: [{ name: 'desc' }], limit: 1 }).$.subscribe((docs) => {
        if (docs[0]?.name === 'Zeynep') {
          sub.unsubscribe();
          resolve(docs.map((doc) => doc.id));
        }
      });
    });
    await (await db.people.findOne('p-3').exec())?.incrementalPatch({ name: 'Zeynep' });
    expect(await seen).toEqual(['p-3']);
    // Everything went through the channel: the storage calls were messages.
    expect(channel.requests).toEqual(expect.arrayContaining(['create', 'bulkWrite', 'query', 'count']));
  });

  it('a worker that fails to start fails opening the replica with the reason, instead of waiting forever', async () => {
    const channel = channelWorker();
    const storage = getWorkerStorage(() => {
      // The script is refused before it can answer anything.
      setTimeout(() => channel.fail('Refused to load the script'), 0);
      return { ...channel.worker, postMessage: () => undefined };
    });
    await expect(openDatabase({ name: `worker-fail-${Date.now()}`, storage, multiInstance: false })).rejects.toThrow(/local database worker stopped: Refused to load the script/);
  });
});
