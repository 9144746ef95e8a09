import { Subject } from 'rxjs';
import { exposeRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { getOrderedDexieStorage } from './ordered-dexie-storage.js';

/**
 * The replica's storage in a dedicated Web Worker: Dexie (IndexedDB) with the ordered index reads
 * runs here, so bulk writes of an initial sync and cursor walks never block the window. RxDB itself
 * (collections, queries' documents, replication) stays in the window and talks to this worker
 * through RxDB's storage-remote plugin (see worker-storage.ts).
 */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageToRemote>) => void): void;
  postMessage(message: MessageFromRemote): void;
}

const scope = self as unknown as WorkerScope;
const messages$ = new Subject<MessageToRemote>();
scope.addEventListener('message', (event) => messages$.next(event.data));
exposeRxStorageRemote({ storage: getOrderedDexieStorage(), messages$, send: (message) => scope.postMessage(message) });
