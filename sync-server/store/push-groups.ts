import type { CollectionName } from '../../common/schemas/collections.js';
import type { Author, PushBatchResult, PushWrite, RowGuard } from './store.js';

/** One push request waiting for the next write transaction. */
export interface QueuedPush {
  readonly collection: CollectionName;
  readonly rows: readonly PushWrite[];
  readonly author: Author;
  readonly guard: RowGuard;
}

/** A push whose planning threw (not a refusal): only that push fails, the group goes on. */
export class PushFailure {
  constructor(readonly error: unknown) {}
}

/** What a group transaction answers for each of its pushes, in order. */
export type GroupAnswer = PushBatchResult | PushFailure;

interface Waiting {
  readonly push: QueuedPush;
  readonly resolve: (result: PushBatchResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: pushes that arrive while this instance's write transaction runs wait and then go
 * into the next transaction together, so one COMMIT (one fsync, one hold of the counter lock)
 * serves several requests. Every push is still planned on its own in arrival order (a later push
 * sees an earlier one's writes, a refused push writes nothing) and answered only after the COMMIT
 * that made it durable; a failed transaction fails every push in it, and nothing was acknowledged.
 * When `retryAlone` says the failure came from the data (a statement refused before COMMIT, so the
 * transaction surely rolled back), each push of the group is tried again in its own transaction:
 * one bad push cannot fail the pushes it happened to share a transaction with.
 * Writes were serial already (the counter row), so waiting here replaces waiting for the lock.
 */
export class PushGroups {
  private queue: Waiting[] = [];
  private running = false;

  constructor(
    /** Runs one transaction for the group and answers each push, in order. */
    private readonly commit: (group: readonly QueuedPush[]) => Promise<GroupAnswer[]>,
    /** Rows per transaction at most (a push larger than this still goes alone). */
    private readonly maxRows = 5_000,
    /** Whether a failed group's pushes should each be tried again alone (see the class comment). */
    private readonly retryAlone: (error: unknown) => boolean = () => false,
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
      while (this.queue.length > 0) await this.run(this.queue.splice(0, this.groupSize()));
    } finally {
      this.running = false;
    }
  }

  /** How many waiting pushes the next transaction takes: at least one, then up to maxRows rows. */
  private groupSize(): number {
    let rows = 0;
    let take = 0;
    for (const { push } of this.queue) {
      if (take > 0 && rows + push.rows.length > this.maxRows) break;
      rows += push.rows.length;
      take++;
    }
    return take;
  }

  private async run(group: readonly Waiting[]): Promise<void> {
    let answers: GroupAnswer[];
    try {
      answers = await this.commit(group.map(({ push }) => push));
    } catch (error) {
      if (group.length > 1 && this.retryAlone(error)) {
        for (const waiting of group) await this.run([waiting]);
      } else {
        for (const { reject } of group) reject(error);
      }
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const answer = answers[i];
      if (answer === undefined) reject(new Error('group commit answered fewer pushes than it was given'));
      else if (answer instanceof PushFailure) reject(answer.error);
      else resolve(answer);
    });
  }
}
