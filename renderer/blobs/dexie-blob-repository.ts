import Dexie, { type Table } from 'dexie';
import type { BlobCounts, BlobPatch, BlobRepository, LocalBlob, NewLocalBlob } from './blob-repository.js';

/** The IndexedDB database of one user's attachments, beside (not inside) their RxDB replica. */
export function blobDatabaseNameFor(userId: string): string {
  return `deskops-blobs-${userId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

class BlobDatabase extends Dexie {
  blobs!: Table<LocalBlob, [string, string]>;

  constructor(name: string) {
    super(name);
    // [state+nextAttemptAt]: the uploader reads only what is due, never every pending photo's bytes.
    this.version(1).stores({ blobs: '[contractId+sha256], sha256, state, [state+nextAttemptAt]' });
  }
}

/** `BlobRepository` on IndexedDB via Dexie (already in the app for RxDB's storage). */
export class DexieBlobRepository implements BlobRepository {
  private readonly db: BlobDatabase;

  constructor(name: string) {
    this.db = new BlobDatabase(name);
  }

  async add(blob: NewLocalBlob, now: number): Promise<void> {
    await this.db.transaction('rw', this.db.blobs, async () => {
      const existing = await this.db.blobs.get([blob.contractId, blob.sha256]);
      if (existing && !(existing.state === 'cached' && blob.state === 'pending')) return;
      await this.db.blobs.put({ ...blob, addedAt: now, attempts: 0, nextAttemptAt: 0, lastError: null });
    });
  }

  find(sha256: string): Promise<LocalBlob | undefined> {
    return this.db.blobs.where('sha256').equals(sha256).first();
  }

  due(now: number, limit: number): Promise<LocalBlob[]> {
    return this.db.blobs.where('[state+nextAttemptAt]').between(['pending', Dexie.minKey], ['pending', now], true, true).limit(limit).toArray();
  }

  async update(contractId: string, sha256: string, patch: BlobPatch): Promise<void> {
    await this.db.blobs.update([contractId, sha256], patch);
  }

  async counts(): Promise<BlobCounts> {
    const [pending, failed] = await Promise.all([this.db.blobs.where('state').equals('pending').count(), this.db.blobs.where('state').equals('failed').count()]);
    return { pending, failed };
  }

  async retryFailed(now: number): Promise<number> {
    return this.db.blobs.where('state').equals('failed').modify({ state: 'pending', nextAttemptAt: now, lastError: null });
  }

  close(): void {
    this.db.close();
  }
}
