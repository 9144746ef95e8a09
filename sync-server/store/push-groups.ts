import type { CollectionName } from '../../common/schemas/collections.js';
import type { Author, PushBatchResult, PushWrite, RowGuard } from './store.js';

/** One push request waiting for the next write transaction. */
export interface QueuedPush {
  readonly collection: CollectionName;
  readonly rows: readonly PushWrite[];
  readonly author: Author;
  readonly guard: RowGuard;
}

/**
 * Group commit: pushes that arrive while this instance's write transaction runs wait and then go
 * into the next transaction together, so one COMMIT (one fsync, one hold of the counter lock)
 * serves several requests. Every push is still planned on its own in arrival order (a later push
 * sees an earlier one's writes, a refused push writes nothing) and answered only after the COMMIT
 * that made it durable; a failed transaction fails every push in it, and nothing was acknowledged.
 * Writes were serial already (the counter row), so waiting here replaces waiting for the lock.
 */
export class PushGroups {
  private queue: { push: QueuedPush; resolve: (result: PushBatchResult) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    /** Runs one transaction for the group and answers each push, in order. */
    private readonly commit: (group: readonly QueuedPush[]) => Promise<PushBatchResult[]>,
    /** Rows per transaction at most (a push larger than this still goes alone). */
    private readonly maxRows = 5_000,
  ) {}

  push(push: QueuedPush): Promise<PushBatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ push, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        let rows = 0;
        let take = 0;
        while (take < this.queue.length && (take === 0 || rows + (this.queue[take]?.push.rows.length ?? 0) <= this.maxRows)) {
          rows += this.queue[take]?.push.rows.length ?? 0;
          take++;
        }
        const group = this.queue.splice(0, take);
        try {
          const results = await this.commit(group.map(({ push }) => push));
          group.forEach(({ resolve }, i) => resolve(results[i] as PushBatchResult));
        } catch (error) {
          for (const { reject } of group) reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
