import type { BlobMimeType } from '../../common/blobs/blob-protocol.js';

/**
 * Photos and other attachments on this device, outside RxDB (whose free build opens at most 13
 * collections, and which is no place for megabytes of bytes): one row per (contract, SHA-256).
 *
 * - `pending`: taken here, waiting to go up; kept until the server has it.
 * - `uploaded`: the server confirmed it; the bytes stay for offline viewing.
 * - `failed`: the server refused it for good (e.g. access to the contract was removed); shown
 *   with the reason; the person may retry.
 * - `cached`: someone else's photo, fetched once so it can be seen offline.
 */
export type LocalBlobState = 'pending' | 'uploaded' | 'failed' | 'cached';

export interface LocalBlob {
  readonly contractId: string;
  readonly sha256: string;
  readonly mime: BlobMimeType;
  readonly size: number;
  readonly bytes: Blob;
  readonly state: LocalBlobState;
  readonly addedAt: number;
  readonly attempts: number;
  /** Epoch ms before which no upload is tried again (back-off after failures). */
  readonly nextAttemptAt: number;
  readonly lastError: { readonly code: string; readonly message: string } | null;
}

export type NewLocalBlob = Pick<LocalBlob, 'contractId' | 'sha256' | 'mime' | 'size' | 'bytes'> & { readonly state: 'pending' | 'cached' };

export interface BlobCounts {
  readonly pending: number;
  readonly failed: number;
}

export type BlobPatch = Partial<Pick<LocalBlob, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError'>>;

export interface BlobRepository {
  /**
   * Stores the bytes unless this contract already has them here. A `pending` insert upgrades a
   * `cached` copy (the same photo attached again must still reach this contract on the server).
   */
  add(blob: NewLocalBlob, now: number): Promise<void>;
  /** Any local copy of these bytes (they are the same whatever the contract). */
  find(sha256: string): Promise<LocalBlob | undefined>;
  /** Pending blobs whose back-off has passed, oldest first. */
  due(now: number, limit: number): Promise<LocalBlob[]>;
  update(contractId: string, sha256: string, patch: BlobPatch): Promise<void>;
  counts(): Promise<BlobCounts>;
  /** Failed blobs back to pending, for a person's "retry". */
  retryFailed(now: number): Promise<number>;
  close(): void;
}

const key = (contractId: string, sha256: string) => `${contractId}\u0000${sha256}`;

/** For tests (and as the reference behaviour of the IndexedDB one). */
export class MemoryBlobRepository implements BlobRepository {
  readonly rows = new Map<string, LocalBlob>();

  add(blob: NewLocalBlob, now: number): Promise<void> {
    const existing = this.rows.get(key(blob.contractId, blob.sha256));
    if (!existing || (existing.state === 'cached' && blob.state === 'pending')) {
      this.rows.set(key(blob.contractId, blob.sha256), { ...blob, addedAt: now, attempts: 0, nextAttemptAt: 0, lastError: null });
    }
    return Promise.resolve();
  }

  find(sha256: string): Promise<LocalBlob | undefined> {
    return Promise.resolve([...this.rows.values()].find((row) => row.sha256 === sha256));
  }

  due(now: number, limit: number): Promise<LocalBlob[]> {
    const rows = [...this.rows.values()].filter((row) => row.state === 'pending' && row.nextAttemptAt <= now).sort((a, b) => a.addedAt - b.addedAt);
    return Promise.resolve(rows.slice(0, limit));
  }

  update(contractId: string, sha256: string, patch: BlobPatch): Promise<void> {
    const row = this.rows.get(key(contractId, sha256));
    if (row) this.rows.set(key(contractId, sha256), { ...row, ...patch });
    return Promise.resolve();
  }

  counts(): Promise<BlobCounts> {
    const rows = [...this.rows.values()];
    return Promise.resolve({ pending: rows.filter((row) => row.state === 'pending').length, failed: rows.filter((row) => row.state === 'failed').length });
  }

  retryFailed(now: number): Promise<number> {
    let count = 0;
    for (const [id, row] of this.rows) {
      if (row.state !== 'failed') continue;
      this.rows.set(id, { ...row, state: 'pending', nextAttemptAt: now, lastError: null });
      count += 1;
    }
    return Promise.resolve(count);
  }

  close(): void {}
}
