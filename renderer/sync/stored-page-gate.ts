/**
 * Back-pressure for pulls. RxDB's downstream asks for the next page as soon as it has the last one
 * and merges every page not yet stored into one write: in an initial sync of 100k documents the
 * pulls outrun IndexedDB, so most of the data set ends up in memory and in a single `bulkWrite`
 * (one 13 s main-thread task in `npm run bench` B1), and the checkpoint moves only after it.
 *
 * The gate holds a page back until the page before the previous one is stored (RxDB's saved
 * checkpoint reached its end): one page is being stored, one waits, the next is being fetched
 * (pull-ahead.ts). Each write is then about one page, and an interrupted sync resumes from the last
 * stored page. A pull that does not continue the last handed-out page (a retry, another checkpoint)
 * starts a new run and waits for nothing, and so does a page whose end lies before its start (the
 * server restarted the pull for a new scope); the wait gives up after `maxWaitMs` (a failed write
 * never saves its checkpoint, and the pull must not hang on it).
 */
export class StoredPageGate {
  /** End sequences of the last two pages handed out in this run, oldest first. */
  private handed: number[] = [];

  constructor(
    /** Sequence of the checkpoint RxDB has saved (documents up to it are stored), if any. */
    private readonly storedSeq: () => number | undefined,
    private readonly stopped: () => boolean,
    private readonly options: { readonly pollMs: number; readonly maxWaitMs: number } = { pollMs: 10, maxWaitMs: 30_000 },
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Resolves when the page from `from` to `to` may be handed to RxDB. */
  async handOut(from: { readonly seq: number } | undefined, to: { readonly seq: number }): Promise<void> {
    // Another checkpoint, or a page that starts over below it (the server restarted the pull after a
    // scope change): a new run, whose sequences the old run's must not be compared with.
    if (from?.seq !== this.handed.at(-1) || (from !== undefined && to.seq < from.seq)) this.handed = [];
    const mustBeStored = this.handed.length === 2 ? this.handed[0] : undefined;
    this.handed = [...this.handed.slice(-1), to.seq];
    if (mustBeStored === undefined) return;
    const start = this.now();
    while ((this.storedSeq() ?? -1) < mustBeStored && !this.stopped() && this.now() - start < this.options.maxWaitMs) {
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }
}
