import type { RxStorage } from 'rxdb';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote, type RemoteMessageChannel } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';

/** The parts of a Worker the channel uses (a real `Worker` in the app; a port in tests). */
export interface StorageWorker {
  postMessage(message: MessageToRemote): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MessageFromRemote>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent | Event) => void): void;
  terminate(): void;
}

let channels = 0;

/**
 * RxDB storage whose instances live in a worker started by `createWorker` (storage.worker.ts):
 * every storage call is a message, every answer and change event comes back as one. One worker
 * serves every database and collection of this window (`mode: 'one'`). If the worker cannot start
 * (a script error, a policy refusal), every pending and later call fails with that reason instead
 * of waiting for an answer that never comes.
 */
// The instance types are the remote storage's; callers only hand it to openDatabase.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getWorkerStorage(createWorker: () => StorageWorker): RxStorage<any, any> {
  return getRxStorageRemote({
    identifier: `deskops-storage-worker-${++channels}`,
    mode: 'one',
    messageChannelCreator(): Promise<RemoteMessageChannel> {
      const worker = createWorker();
      const messages$ = new Subject<MessageFromRemote>();
      worker.addEventListener('message', (event) => messages$.next(event.data));
      worker.addEventListener('error', (event) => {
        const message = (event as { message?: unknown }).message;
        const reason = typeof message === 'string' && message ? message : 'the worker script could not run';
        messages$.error(new Error(`The local database worker stopped: ${reason}`));
      });
      return Promise.resolve({
        messages$,
        send: (message) => worker.postMessage(message),
        close: () => {
          worker.terminate();
          messages$.complete();
          return Promise.resolve();
        },
      });
    },
  });
}
