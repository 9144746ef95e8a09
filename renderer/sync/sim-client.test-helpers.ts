import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../common/schemas/index.js';
import { openDatabase } from '../db/database.js';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { AuthSession, login } from './auth-session.js';
import { memoryPendingPersistence } from './pending-store.js';
import { SyncEngine } from './sync-engine.js';

/**
 * Tests only: one simulated device running the app's real sync stack — `openDatabase` (RxDB on
 * the memory storage instead of Dexie/IndexedDB, with the three-way conflict handler and conflict
 * records), `SyncEngine` (every collection's `replicateCollection`, the SSE stream, the pending
 * tracker) and `AuthSession` — against a real server over HTTP. The fault suites in
 * test/integration run each device in its own worker thread (support/sim-worker.ts, bundled with
 * esbuild because the Node type-check project cannot import renderer code), so the surface here
 * is plain data.
 */
export type SimDoc = Record<string, unknown> & { id: string };

export interface SimClientOptions {
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
  readonly deviceId: string;
  readonly retryTimeMs?: number;
}

export interface SimClient {
  readonly userId: string;
  readonly contractIds: readonly string[];
  insert(collection: CollectionName, doc: SimDoc): Promise<void>;
  /**
   * Changes a live local document: `change` gets the current state and returns the next one
   * (`_deleted: true` deletes it) or null to leave it. RxDB may call `change` again when the
   * document changed meanwhile; the last call is the one written. False when there is no live document.
   */
  modify(collection: CollectionName, id: string, change: (current: SimDoc) => SimDoc | null): Promise<boolean>;
  get(collection: CollectionName, id: string): Promise<SimDoc | null>;
  /** Every live local document of a collection, without RxDB bookkeeping. */
  snapshot(collection: CollectionName): Promise<SimDoc[]>;
  /** Pull every collection now (what the app does when the stream (re)connects or the browser comes online). */
  resync(): void;
  awaitInSync(): Promise<void>;
  readonly pendingCount: number;
  close(): Promise<void>;
}

function plain(doc: { toJSON(withMeta?: boolean): unknown }): SimDoc {
  return structuredClone(doc.toJSON(false)) as SimDoc;
}

export async function openSimClient(options: SimClientOptions): Promise<SimClient> {
  const answer = await login(options.serverUrl, { username: options.username, password: options.password, deviceId: options.deviceId });
  const auth = new AuthSession({
    serverUrl: options.serverUrl,
    refreshToken: answer.refreshToken,
    saveRefreshToken: () => Promise.resolve(),
    onSignInRequired: () => undefined,
  });
  auth.adopt(answer, answer.skewMs);
  const userId = answer.user.id;
  const db = await openDatabase({
    name: `sim-${options.deviceId}-${Math.random().toString(36).slice(2)}`.toLowerCase().replace(/[^a-z0-9_-]/g, '_'),
    // The plain memory storage, like the app's Dexie storage without dev-mode: the app runs without
    // RxDB's dev-mode checks, and they would triple the CPU time of a many-device run.
    storage: getRxStorageMemory(),
    merge: { deviceId: options.deviceId, authorId: () => userId },
  });
  const engine = new SyncEngine({ db, auth, userId, persistence: memoryPendingPersistence(), retryTimeMs: options.retryTimeMs ?? 150, pullBatchSize: 100 });
  engine.start();
  const collection = (name: CollectionName) => db[name] as unknown as RxCollection<SimDoc>;
  return {
    userId,
    contractIds: answer.user.contractIds,
    async insert(name, doc) {
      await collection(name).insert(doc);
    },
    async modify(name, id, change) {
      const doc = await collection(name).findOne(id).exec();
      if (!doc) return false;
      // One incremental write: `change` always sees the newest state, and `_deleted: true` deletes.
      await doc.incrementalModify((current) => change(structuredClone(current)) ?? current);
      return true;
    },
    async get(name, id) {
      const doc = await collection(name).findOne(id).exec();
      return doc ? plain(doc) : null;
    },
    async snapshot(name) {
      return (await collection(name).find().exec()).map(plain);
    },
    resync: () => engine.reSyncAll(),
    awaitInSync: () => engine.awaitInSync(),
    get pendingCount() {
      return engine.tracker.count;
    },
    async close() {
      await engine.stop();
      await db.close();
    },
  };
}
