import type { SyncCheckpoint } from '../../common/sync/protocol.js';

/**
 * One pull page fetched ahead: while RxDB stores page N (IndexedDB writes), page N+1 is already on
 * its way. It is used only by the very next pull from exactly that checkpoint and batch size, and
 * only while fresh; anything else (a retry, a RESYNC from another checkpoint, a failed prefetch)
 * fetches anew. A page fetched ahead is a true answer for its checkpoint when it was fetched; a
 * change committed after that is announced by its own poke and pulled by the next round.
 */
export class PullAhead<Page> {
  private pending: { key: string; page: Promise<Page>; at: number } | null = null;

  constructor(
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private static key(checkpoint: SyncCheckpoint | undefined, batchSize: number): string {
    return JSON.stringify([checkpoint ?? null, batchSize]);
  }

  /** Starts fetching the page after `checkpoint`, replacing any earlier one. */
  start(checkpoint: SyncCheckpoint | undefined, batchSize: number, fetch: () => Promise<Page>): void {
    const page = fetch();
    // Reported when (and if) the page is taken; never an unhandled rejection meanwhile.
    page.catch(() => undefined);
    this.pending = { key: PullAhead.key(checkpoint, batchSize), page, at: this.now() };
  }

  /** The page fetched ahead for this exact pull, else `fetch()`. Either way nothing stays ahead. */
  take(checkpoint: SyncCheckpoint | undefined, batchSize: number, fetch: () => Promise<Page>): Promise<Page> {
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.key === PullAhead.key(checkpoint, batchSize) && this.now() - pending.at <= this.maxAgeMs) return pending.page;
    return fetch();
  }
}
