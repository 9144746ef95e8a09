/**
 * The app's renderer/db/database.ts as the bench sees it. renderer/ belongs to the web type-check
 * project, which the Node project (test/**) cannot import from (TS6307); the bench bundles the
 * real module through an esbuild alias (package.json `bench`, scenarios/browser.ts), and this
 * declaration states the part of its signature the bench relies on (callers name the collections).
 * Keep it in step with the real modules: the bench page also fails on the first replication error
 * (page.ts), so a context that no longer fits shows as an error, not as a sync that never ends.
 */
declare module 'deskops-renderer-db' {
  import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';

  export function openDatabase<Collections extends Record<string, RxCollection>>(options: {
    name: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    storage?: RxStorage<any, any>;
    multiInstance?: boolean;
  }): Promise<RxDatabase<Collections>>;
}

/** renderer/sync/collection-replication.ts (the app's replication of one collection), bundled the same way. */
declare module 'deskops-renderer-replication' {
  import type { RxDatabase } from 'rxdb';
  import type { RxReplicationState } from 'rxdb/plugins/replication';
  import type { Subject } from 'rxjs';
  import type { ServerStateRequests } from 'deskops-renderer-server-states';

  export const DEFAULT_PULL_BATCH: number;
  export interface ReplicationContext {
    readonly db: RxDatabase;
    readonly serverUrl: string;
    readonly userId: string;
    readonly tracker: {
      rebase(name: string, rows: unknown[], idOf: (doc: unknown) => string): unknown[];
      accepted(name: string, ids: string[]): void;
      refuse(...args: unknown[]): void;
      isRefused(name: string, docId: string): boolean;
    };
    readonly retryTimeMs: number;
    readonly pullBatchSize: number;
    readonly pushBatchSize: number;
    request(path: string, init?: RequestInit): Promise<Response>;
    pulled(name: string, count: number, batchSize: number): void;
    stream$(name: string): Subject<'RESYNC'>;
    scope(contractIds: readonly string[]): void;
    readonly serverStates: ServerStateRequests;
  }
  export function replicateCollection(name: string, ctx: ReplicationContext): RxReplicationState<unknown, unknown>;
}

/** renderer/sync/server-state-requests.ts: discards waiting for a server state (none in the bench). */
declare module 'deskops-renderer-server-states' {
  export class ServerStateRequests {
    constructor();
  }
}

/** renderer/db/worker-storage.ts: the app's storage in a worker. */
declare module 'deskops-renderer-worker-storage' {
  import type { RxStorage } from 'rxdb';

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function getWorkerStorage(createWorker: () => Worker): RxStorage<any, any>;
}

/** renderer/db/ordered-dexie-storage.ts: the same Dexie storage in the page (to compare). */
declare module 'deskops-renderer-ordered-storage' {
  import type { RxStorage } from 'rxdb';

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export function getOrderedDexieStorage(): RxStorage<any, any>;
}
