import type { CollectionName } from '../../../common/schemas/collections.js';
import type { ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import { isBookkeepingKey, sameDocumentState } from '../../../common/sync/merge/deep-equal.js';
import { createMergeConflictHandler, type ConflictHandler } from '../../../common/sync/merge/rxdb-conflict-handler.js';
import { encodeCheckpoint, schemaVersionOf, syncPaths, type SyncCheckpoint } from '../../../common/sync/protocol.js';

export type Doc = Record<string, unknown> & { id: string; _deleted?: boolean };

/** The request got no HTTP answer (network down, server killed): RxDB retries these. */
export class NoAnswerError extends Error {}

/** The server answered with an error status. */
export class RefusedError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

interface Entry {
  /** What the client believes the server has (RxDB's assumed master state); null = never seen on the server. */
  master: Doc | null;
  /** The local state (RxDB's fork). */
  fork: Doc;
}

export interface ProtocolClientOptions {
  /** Read at each request: a restarted server may listen elsewhere. */
  readonly baseUrl: () => string;
  readonly token: string;
  readonly userId: string;
  readonly deviceId: string;
  /** The device clock (ISO instant), for `mergedAt` of conflict records. */
  readonly now: () => string;
  readonly pullLimit?: number;
  readonly pushBatch?: number;
}

export interface PushOutcome {
  readonly acknowledged: Doc[];
  readonly conflicts: number;
}

function clean(doc: Record<string, unknown>): Doc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!isBookkeepingKey(key)) out[key] = value;
  if (out['_deleted'] === undefined) out['_deleted'] = false;
  return out as Doc;
}

/**
 * A protocol-level client that keeps RxDB's replication bookkeeping in plain maps, for suites that
 * need many seeds and exact replays (a real RxDB client's timing varies from run to run):
 * - push: every local state that differs from the assumed master goes up with that master as
 *   `assumedMasterState`; an acknowledged row becomes the new master; a conflict runs the app's own
 *   conflict handler (`createMergeConflictHandler`, the one `openDatabase` installs), stores its
 *   conflict records locally (insert if absent, like `database.ts`), makes the merged state local
 *   and the server's state the master — exactly RxDB 17's upstream;
 * - pull: pages through the checkpoint; a server state replaces the local one only when nothing
 *   local is pending for that document — exactly RxDB 17's downstream;
 * - a request without an answer leaves every state as it was, so the next push sends the same rows
 *   again (RxDB's retry).
 */
export class ProtocolClient {
  private readonly docs = new Map<CollectionName, Map<string, Entry>>();
  private readonly checkpoints = new Map<CollectionName, SyncCheckpoint>();
  private readonly handlers = new Map<CollectionName, ConflictHandler<Record<string, unknown>>>();
  conflictsSeen = 0;

  constructor(private readonly options: ProtocolClientOptions) {}

  get userId(): string {
    return this.options.userId;
  }

  /** The device clock. */
  now(): string {
    return this.options.now();
  }

  private entries(collection: CollectionName): Map<string, Entry> {
    let map = this.docs.get(collection);
    if (!map) this.docs.set(collection, (map = new Map<string, Entry>()));
    return map;
  }

  /** The local state (including tombstones), or undefined. */
  get(collection: CollectionName, id: string): Doc | undefined {
    return this.entries(collection).get(id)?.fork;
  }

  /** Local, non-deleted documents. */
  snapshot(collection: CollectionName): Doc[] {
    return [...this.entries(collection).values()].map((entry) => entry.fork).filter((doc) => doc['_deleted'] !== true);
  }

  /** A local write (insert, edit or tombstone), as the app's RxDB write would make it. */
  write(collection: CollectionName, doc: Doc): void {
    const entry = this.entries(collection).get(doc.id);
    const state = clean(doc);
    if (entry) entry.fork = state;
    else this.entries(collection).set(doc.id, { master: null, fork: state });
  }

  pending(collection: CollectionName): Entry[] {
    return [...this.entries(collection).values()].filter((entry) => entry.master === null || !sameDocumentState(entry.master, entry.fork));
  }

  hasPending(collections: readonly CollectionName[]): boolean {
    return collections.some((collection) => this.pending(collection).length > 0);
  }

  private handler(collection: CollectionName): ConflictHandler<Record<string, unknown>> {
    let handler = this.handlers.get(collection);
    if (!handler) {
      handler = createMergeConflictHandler(collection, {
        deviceId: this.options.deviceId,
        authorId: () => this.options.userId,
        now: this.options.now,
        onOverruled: (records) => this.keepOverruled(records),
      }) as unknown as ConflictHandler<Record<string, unknown>>;
      this.handlers.set(collection, handler);
    }
    return handler;
  }

  private keepOverruled(records: readonly ConflictRecord[]): void {
    const local = this.entries('conflicts');
    for (const record of records) {
      if (!local.has(record.id)) local.set(record.id, { master: null, fork: clean({ ...record }) });
    }
  }

  private async request(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl()}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${this.options.token}` },
      });
    } catch (error) {
      throw new NoAnswerError(String(error));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new NoAnswerError(String(error));
    }
    const body: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) throw new RefusedError(response.status, body);
    return body;
  }

  /** One push request of up to `pushBatch` pending documents. */
  async pushOnce(collection: CollectionName): Promise<PushOutcome> {
    const batch = this.pending(collection).slice(0, this.options.pushBatch ?? 50);
    if (batch.length === 0) return { acknowledged: [], conflicts: 0 };
    const rows = batch.map((entry) => (entry.master ? { assumedMasterState: entry.master, newDocumentState: entry.fork } : { newDocumentState: entry.fork }));
    const body = await this.request(`${syncPaths.push(collection)}?schema=${schemaVersionOf(collection)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rows),
    });
    const conflicts = (body as Record<string, unknown>[]).map(clean);
    const byId = new Map(conflicts.map((doc) => [doc.id, doc]));
    const acknowledged: Doc[] = [];
    for (const entry of batch) {
      const real = byId.get(entry.fork.id);
      if (!real) {
        entry.master = entry.fork;
        acknowledged.push(entry.fork);
        continue;
      }
      this.conflictsSeen++;
      const input = { realMasterState: real, newDocumentState: entry.fork, ...(entry.master ? { assumedMasterState: entry.master } : {}) };
      const merged = clean(await this.handler(collection).resolve(input as never, 'upstream-check-if-equal'));
      entry.master = real;
      entry.fork = merged;
    }
    return { acknowledged, conflicts: conflicts.length };
  }

  /** Pushes until nothing is pending (conflict rounds included). */
  async push(collection: CollectionName): Promise<Doc[]> {
    const acknowledged: Doc[] = [];
    for (let round = 0; this.pending(collection).length > 0; round++) {
      if (round > 50) throw new Error(`${collection}: still pending after 50 push rounds`);
      acknowledged.push(...(await this.pushOnce(collection)).acknowledged);
    }
    return acknowledged;
  }

  /** Pulls until a short page; returns how many documents arrived. */
  async pull(collection: CollectionName): Promise<number> {
    const limit = this.options.pullLimit ?? 100;
    const local = this.entries(collection);
    let received = 0;
    for (;;) {
      const query = new URLSearchParams({ schema: String(schemaVersionOf(collection)), limit: String(limit) });
      const checkpoint = this.checkpoints.get(collection);
      if (checkpoint) query.set('checkpoint', encodeCheckpoint(checkpoint));
      const page = (await this.request(`${syncPaths.pull(collection)}?${query.toString()}`)) as { documents: Record<string, unknown>[]; checkpoint: SyncCheckpoint };
      for (const raw of page.documents) {
        const doc = clean(raw);
        const entry = local.get(doc.id);
        if (!entry) local.set(doc.id, { master: doc, fork: doc });
        else if (sameDocumentState(entry.fork, doc)) entry.master = doc;
        else if (entry.master !== null && sameDocumentState(entry.master, entry.fork)) local.set(doc.id, { master: doc, fork: doc });
        // Otherwise a local change waits to go up: the upstream resolves it (RxDB's downstream skips it).
      }
      received += page.documents.length;
      this.checkpoints.set(collection, page.checkpoint);
      if (page.documents.length < limit) return received;
    }
  }

  /** Push then pull every collection, as one replication cycle. */
  async sync(collections: readonly CollectionName[]): Promise<Doc[]> {
    const acknowledged: Doc[] = [];
    for (const collection of collections) acknowledged.push(...(await this.push(collection)));
    for (const collection of collections) await this.pull(collection);
    return acknowledged;
  }
}
