import type { CollectionName } from '../../common/schemas/index.js';
import { sameDocumentState } from '../../common/sync/merge/deep-equal.js';
import type { DeskDatabase } from '../db/database.js';
import type { PendingTracker } from './pending-tracker.js';
import { readLocal } from './pull-shaping.js';
import type { ServerStateRequests } from './server-state-requests.js';

/** Why a discard did not happen; the refused change stays as it was. */
export class DiscardError extends Error {
  constructor(
    readonly reason: 'not-connected' | 'timeout',
    cause?: unknown,
  ) {
    super(`discard failed: ${reason}`, { cause });
    this.name = 'DiscardError';
  }
}

export interface DiscardDeps {
  readonly db: DeskDatabase;
  readonly tracker: PendingTracker;
  readonly serverStates: ServerStateRequests;
  /** Whether the collection's replication runs (signed in, not stopped). */
  connected(name: CollectionName): boolean;
  /** Makes the collection's pull run now. */
  pullNow(name: CollectionName): void;
  readonly timeoutMs: number;
}

/**
 * Discarding a refused change. The entry stops being refused (so the pull no longer shields the
 * local state), the pull looks up the server's current state and hands it to RxDB as the
 * server's (or a tombstone of the local state when the server has none for this user), and we
 * wait until it is written. Written through the downstream, it is never pushed, so it cannot be
 * refused again or loop. A local edit made meanwhile is kept by RxDB: then the state never
 * lands, the wait times out and the refused entry comes back.
 */
export async function discardRefused(deps: DiscardDeps, name: CollectionName, docId: string): Promise<void> {
  const entry = deps.tracker.refusedEntry(name, docId);
  if (!entry) return;
  if (!deps.connected(name)) throw new DiscardError('not-connected');
  deps.tracker.forget(name, docId);
  const request = deps.serverStates.request(name, docId);
  const deadline = Date.now() + deps.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    deps.pullNow(name);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DiscardError('timeout')), deps.timeoutMs);
    });
    const state = await Promise.race([request.promise, timeout]);
    if (state) await localBecomes(deps.db, name, docId, state, deadline);
  } catch (error) {
    request.cancel();
    deps.tracker.restore(entry);
    throw error instanceof DiscardError ? error : new DiscardError('not-connected', error);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the local document holds `state` (RxDB writes pulled documents asynchronously). */
async function localBecomes(db: DeskDatabase, name: CollectionName, docId: string, state: Record<string, unknown>, deadline: number): Promise<void> {
  const collection = db[name] as unknown as Parameters<typeof readLocal>[0];
  for (;;) {
    const local = (await readLocal(collection, [docId])).get(docId);
    if (local ? sameDocumentState(local, state) : state['_deleted'] === true) return;
    if (Date.now() > deadline) throw new DiscardError('timeout');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
