import { uncacheRxQuery } from 'rxdb';
import { Subject } from 'rxjs';
import { encodeCheckpoint, schemaVersionOf, syncPaths, type PullResponse, type SyncCheckpoint } from '../../../common/sync/protocol.js';
import { openDatabase } from 'deskops-renderer-db';
import { DEFAULT_PULL_BATCH, replicateCollection } from 'deskops-renderer-replication';
import { getOrderedDexieStorage } from 'deskops-renderer-ordered-storage';
import { ServerStateRequests } from 'deskops-renderer-server-states';
import { getWorkerStorage } from 'deskops-renderer-worker-storage';
import type { BenchCollections, BenchDatabase as DeskDatabase } from '../bench-db.js';

/**
 * The bench page (bundled by esbuild for the browser, served by the sync server as its renderer):
 * the app's own openDatabase (RxDB + Dexie on real IndexedDB) against raw IndexedDB.
 */
type Doc = Record<string, unknown>;
type Replicated = 'tickets' | 'assets';
const DB_NAME = 'deskops-bench';
/** Opened as the desktop app opens its replica: one window, no cross-tab broadcast (renderer/db/database.ts). */
const DESKTOP_WINDOW = false;
const RAW_NAME = 'deskops-bench-raw';
/**
 * The app's storage (renderer/db/app-storage.ts): Dexie in a dedicated worker, here bundled as
 * storage-worker.js; `?storage=page` (BENCH_STORAGE=page) runs the same Dexie storage in the page.
 */
const IN_PAGE = new URLSearchParams(location.search).get('storage') === 'page';
const STORAGE = IN_PAGE ? getOrderedDexieStorage() : getWorkerStorage(() => new Worker('/storage-worker.js', { type: 'module', name: 'deskops-storage' }));
/** Raw stores get two indexes each, like the orientation figure in quality.md. */
const RAW_INDEXES: Record<Replicated, [string, string | string[]][]> = {
  assets: [['tag', 'tag'], ['state_updatedAt', ['state', 'updatedAt']]],
  tickets: [['updatedAt', 'updatedAt'], ['status_updatedAt', ['status', 'updatedAt']]],
};

let longest = 0;
let longTasks = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks++;
    longest = Math.max(longest, entry.duration);
  }
}).observe({ type: 'longtask', buffered: true });

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openRaw(): Promise<IDBDatabase> {
  const open = indexedDB.open(RAW_NAME, 1);
  open.onupgradeneeded = () => {
    for (const name of ['assets', 'tickets'] as const) {
      const store = open.result.createObjectStore(name, { keyPath: 'id' });
      for (const [index, keyPath] of RAW_INDEXES[name]) store.createIndex(index, keyPath);
    }
  };
  return request(open);
}

async function pullEverything(token: string, name: Replicated): Promise<Doc[]> {
  const docs: Doc[] = [];
  let checkpoint: SyncCheckpoint | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', schema: String(schemaVersionOf(name)) });
    if (checkpoint) query.set('checkpoint', encodeCheckpoint(checkpoint));
    const response = await fetch(`${syncPaths.pull(name)}?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
    const page = (await response.json()) as PullResponse<Doc>;
    docs.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return docs;
  }
}

/** The app's own replication of one collection (renderer/sync/collection-replication.ts), live like in the app. */
function replicate(db: DeskDatabase, token: string, name: Replicated, pullBatchSize: number) {
  const stats = { pages: 0, handlerMs: 0 };
  const state = replicateCollection(name, {
    db: db as never,
    serverUrl: location.origin,
    userId: 'u-sup',
    // No local writes happen during B1: nothing is pushed, so the tracker is never asked.
    tracker: { rebase: (_name, rows) => rows, accepted: () => undefined, refuse: () => undefined, isRefused: () => false },
    retryTimeMs: 1000,
    pullBatchSize,
    pushBatchSize: 100,
    async request(path, init) {
      const t0 = performance.now();
      const response = await fetch(path, { ...init, headers: { ...(init?.headers ?? {}), Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      stats.handlerMs += performance.now() - t0;
      return response;
    },
    pulled: () => {
      stats.pages++;
    },
    stream$: () => new Subject<'RESYNC'>(),
    scope: () => undefined,
    serverStates: new ServerStateRequests(),
  });
  // RxDB retries a failing handler for ever: the bench stops at the first error and names it.
  const failed = new Promise<never>((_resolve, reject) => {
    state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
      reject(new Error(`${name} replication failed: ${cause instanceof Error ? cause.message : error.message}`));
    });
  });
  return { state, stats, failed };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

const STATES = ['in_use', 'in_stock_available', 'in_repair', 'in_stock_defective'] as const;

const bench = {
  /** B1: raw IndexedDB writes of the same documents, then the initial sync into RxDB + Dexie. */
  async b1(token: string, pullBatchSize = DEFAULT_PULL_BATCH) {
    const docs = { assets: await pullEverything(token, 'assets'), tickets: await pullEverything(token, 'tickets') };
    const raw = await openRaw();
    const rawStart = performance.now();
    for (const name of ['assets', 'tickets'] as const) {
      for (let i = 0; i < docs[name].length; i += 1000) {
        const tx = raw.transaction(name, 'readwrite');
        const store = tx.objectStore(name);
        for (const doc of docs[name].slice(i, i + 1000)) store.put(doc);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('raw transaction failed'));
        });
      }
    }
    const rawMs = performance.now() - rawStart;
    const total = docs.assets.length + docs.tickets.length;
    docs.assets = [];
    docs.tickets = [];
    raw.close();

    await new Promise((resolve) => setTimeout(resolve, 200));
    longest = 0;
    longTasks = 0;
    const start = performance.now();
    const db = await openDatabase<BenchCollections>({ name: DB_NAME, multiInstance: DESKTOP_WINDOW, storage: STORAGE });
    // The app replicates every collection at once; these two carry the volume.
    const replications = (['assets', 'tickets'] as const).map((name) => replicate(db, token, name, pullBatchSize));
    await Promise.race([Promise.all(replications.map(({ state }) => state.awaitInitialReplication())), ...replications.map(({ failed }) => failed)]);
    const syncMs = performance.now() - start;
    await Promise.all(replications.map(({ state }) => state.cancel()));
    const stored = (await db.assets.count().exec()) + (await db.tickets.count().exec());
    await db.close();
    const pages = replications.reduce((sum, { stats }) => sum + stats.pages, 0);
    const requestMs = replications.reduce((sum, { stats }) => sum + stats.handlerMs, 0);
    return { rawMs, syncMs, docs: total, stored, longestTaskMs: longest, longTasks, pullBatchSize, pages, requestMs, storage: IN_PAGE ? 'page' : 'worker' };
  },

  /** B4: list view over the assets: filter + sort + first page, count, live update after a write; raw indexed cursor. */
  async b4() {
    const openStart = performance.now();
    const db = await openDatabase<BenchCollections>({ name: DB_NAME, multiInstance: DESKTOP_WINDOW, storage: STORAGE });
    // The collection's IndexedDB opens on first use; the raw side opens its database untimed too.
    await db.assets.count().exec();
    const openMs = performance.now() - openStart;
    const firstPage: number[] = [];
    for (let i = 0; i < 20; i++) {
      const state = STATES[i % STATES.length] ?? 'in_use';
      const t0 = performance.now();
      const query = db.assets.find({ selector: { state }, sort: [{ updatedAt: 'desc' }], limit: 50 });
      await query.exec();
      firstPage.push(performance.now() - t0);
      // Dropped from RxDB's query cache, so every sample is read from IndexedDB (a repeat would be answered from memory).
      uncacheRxQuery(db.assets._queryCache, query);
    }
    const countStart = performance.now();
    const inUse = await db.assets.count({ selector: { state: 'in_use' } }).exec();
    const countMs = performance.now() - countStart;

    // Live update: a list subscribed to the first page sees an edit of one of its assets.
    const query = db.assets.find({ selector: { state: 'in_use' }, sort: [{ updatedAt: 'desc' }], limit: 50 });
    const live: number[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await query.exec();
      const target = page[i % page.length];
      if (!target) break;
      let writeAt = 0;
      const seen = new Promise<void>((resolve) => {
        let first = true;
        const sub = query.$.subscribe((docs) => {
          if (first) {
            first = false;
            return;
          }
          if (docs.some((doc) => doc.id === target.id && doc.room.endsWith(`/ live-${i}`))) {
            live.push(performance.now() - writeAt);
            sub.unsubscribe();
            resolve();
          }
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      writeAt = performance.now();
      await target.incrementalPatch({ room: `Kat 1 / live-${i}` });
      await seen;
    }
    await db.close();

    const raw = await openRaw();
    const rawPage: number[] = [];
    for (let i = 0; i < 20; i++) {
      const state = STATES[i % STATES.length] ?? 'in_use';
      const t0 = performance.now();
      const tx = raw.transaction('assets', 'readonly');
      const index = tx.objectStore('assets').index('state_updatedAt');
      const rows: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        const cursor = index.openCursor(IDBKeyRange.bound([state, ''], [state, '\uffff']), 'prev');
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || rows.length >= 50) return resolve();
          rows.push(c.value);
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
      });
      rawPage.push(performance.now() - t0);
    }
    raw.close();
    return { openMs, firstPageP95Ms: p95(firstPage), firstPageMedianMs: [...firstPage].sort((a, b) => a - b)[10] ?? NaN, firstQueryMs: firstPage[0] ?? NaN, countMs, inUse, liveP95Ms: p95(live), liveSamples: live.length, rawPageP95Ms: p95(rawPage) };
  },

  /** B5 (called right after a reload): open the replica and read the first screen (50 newest tickets). */
  async b5(kind: 'rxdb' | 'raw') {
    if (kind === 'raw') {
      const raw = await openRaw();
      const tx = raw.transaction('tickets', 'readonly');
      const rows: unknown[] = [];
      await new Promise<void>((resolve) => {
        const cursor = tx.objectStore('tickets').index('updatedAt').openCursor(null, 'prev');
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || rows.length >= 50) return resolve();
          rows.push(c.value);
          c.continue();
        };
      });
      raw.close();
      return { ms: performance.now(), openedAtMs: NaN, rows: rows.length };
    }
    const db = await openDatabase<BenchCollections>({ name: DB_NAME, multiInstance: DESKTOP_WINDOW, storage: STORAGE });
    const opened = performance.now();
    const rows = await db.tickets.find({ selector: {}, sort: [{ updatedAt: 'desc' }], limit: 50 }).exec();
    const ms = performance.now();
    await db.close();
    return { ms, openedAtMs: opened, rows: rows.length };
  },
};

export type BenchPage = typeof bench;
(window as unknown as { bench: BenchPage }).bench = bench;
document.title = 'bench ready';
