import { blobPaths, sha256Hex, sniffImageType } from '../../common/blobs/blob-protocol.js';
import { NetworkError, SignInRequiredError } from '../sync/http-errors.js';
import type { BlobRepository } from './blob-repository.js';
import { resetBlobQueue, useBlobQueue } from './blob-queue-store.js';
import { BlobUploader, type ServerRequest } from './blob-uploader.js';
import { blobDatabaseNameFor, DexieBlobRepository } from './dexie-blob-repository.js';

export type RemoteFetch = 'ok' | 'missing' | 'offline';

/** The signed-in user's attachments: the local store, the upload queue and remote reads. */
export interface BlobRuntime {
  readonly userId: string;
  readonly repository: BlobRepository;
  readonly uploader: BlobUploader;
  /** Fetches a blob this device does not have and keeps it (checked against its name). */
  fetchRemote(sha256: string, contractId: string): Promise<RemoteFetch>;
}

let current: BlobRuntime | null = null;

export function getBlobRuntime(): BlobRuntime | null {
  return current;
}

export function createBlobRuntime(userId: string, repository: BlobRepository, request: ServerRequest): BlobRuntime {
  const uploader = new BlobUploader({ repository, request, onCounts: (counts) => useBlobQueue.setState(counts) });
  const inFlight = new Map<string, Promise<RemoteFetch>>();
  const fetchOnce = async (sha256: string, contractId: string): Promise<RemoteFetch> => {
    let response: Response;
    try {
      response = await request(blobPaths.blob(sha256));
    } catch (error) {
      if (error instanceof NetworkError || error instanceof SignInRequiredError) return 'offline';
      throw error;
    }
    if (!response.ok) return 'missing';
    const bytes = new Uint8Array(await response.arrayBuffer());
    const mime = sniffImageType(bytes);
    // Never keep bytes that are not what their name says (a proxy page, a truncated answer).
    if (!mime || (await sha256Hex(bytes)) !== sha256) return 'missing';
    await repository.add({ contractId, sha256, mime, size: bytes.byteLength, bytes: new Blob([bytes], { type: mime }), state: 'cached' }, Date.now());
    return 'ok';
  };
  return {
    userId,
    repository,
    uploader,
    fetchRemote(sha256, contractId) {
      const key = `${contractId}/${sha256}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = fetchOnce(sha256, contractId).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}

/** Opens the user's attachment store and starts uploading; one runtime at a time. */
export function startBlobRuntime(userId: string, request: ServerRequest): BlobRuntime {
  if (current?.userId === userId) return current;
  stopBlobRuntime();
  current = createBlobRuntime(userId, new DexieBlobRepository(blobDatabaseNameFor(userId)), request);
  current.uploader.start();
  return current;
}

export function stopBlobRuntime(): void {
  current?.uploader.stop();
  current?.repository.close();
  current = null;
  resetBlobQueue();
}
