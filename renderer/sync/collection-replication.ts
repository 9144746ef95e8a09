import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Subject } from 'rxjs';
import type { ErrorBody } from '../../common/errors.js';
import type { CollectionName } from '../../common/schemas/index.js';
import {
  encodeCheckpoint,
  schemaVersionOf,
  syncPaths,
  type LookupResponse,
  type PullResponse,
  type PushRow,
  type SyncCheckpoint,
  type WithDeleted,
} from '../../common/sync/protocol.js';
import type { DeskDatabase } from '../db/database.js';
import { isDocumentRefusal, ServerError } from './http-errors.js';
import { PullAhead } from './pull-ahead.js';
import { StoredPageGate } from './stored-page-gate.js';
import type { PendingTracker } from './pending-tracker.js';
import { outOfScopeTombstones, readLocal, shieldRefused, type Doc } from './pull-shaping.js';
import type { ServerStateRequests } from './server-state-requests.js';

type StreamItem = 'RESYNC';
type AnyCollection = Parameters<typeof outOfScopeTombstones>[0];

/** What a collection's replication needs from the engine. */
export interface ReplicationContext {
  readonly db: DeskDatabase;
  readonly serverUrl: string;
  readonly userId: string;
  readonly tracker: PendingTracker;
  readonly retryTimeMs: number;
  readonly pullBatchSize: number;
  readonly pushBatchSize: number;
  /** Authorised request; reports reachability/errors to the status area and throws on non-2xx. */
  request(path: string, init?: RequestInit): Promise<Response>;
  pulled(name: CollectionName, count: number, batchSize: number): void;
  stream$(name: CollectionName): Subject<StreamItem>;
  /** A pull (re)started and named the user's contracts now. */
  scope(contractIds: readonly string[]): void;
  readonly serverStates: ServerStateRequests;
}

/** Documents per pull page unless the engine is told otherwise (the server's cap, `PULL_LIMIT_MAX`, is 1000). */
export const DEFAULT_PULL_BATCH = 400;

/** Collections only the server writes: pulled, never pushed. */
const PULL_ONLY: readonly CollectionName[] = ['staff'];

export function replicationIdentifier(name: CollectionName, serverUrl: string, userId: string): string {
  return `deskops:${name}:${serverUrl}:${userId}`;
}

export function replicateCollection(name: CollectionName, ctx: ReplicationContext): RxReplicationState<Doc, SyncCheckpoint> {
  const collection = ctx.db[name];
  const primaryPath = collection.schema.primaryPath as string;
  const idOf = (doc: unknown) => String((doc as Doc)[primaryPath]);
  const schema = String(schemaVersionOf(name));

  const pullPage = async (checkpoint: SyncCheckpoint | undefined, batchSize: number): Promise<PullResponse<Doc>> => {
    const params = new URLSearchParams({ limit: String(batchSize), schema });
    if (checkpoint) params.set('checkpoint', encodeCheckpoint(checkpoint));
    const response = await ctx.request(`${syncPaths.pull(name)}?${params.toString()}`);
    return (await response.json()) as PullResponse<Doc>;
  };

  const pushRows = async (rows: PushRow<Doc>[]): Promise<WithDeleted<Doc>[]> => {
    const response = await ctx.request(`${syncPaths.push(name)}?schema=${schema}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(rows),
    });
    return (await response.json()) as WithDeleted<Doc>[];
  };

  const ahead = new PullAhead<PullResponse<Doc>>();
  let replication: RxReplicationState<Doc, SyncCheckpoint> | undefined = undefined;
  const gate = new StoredPageGate(
    () => storedCheckpoint(replication)?.seq,
    () => replication?.isStopped() ?? false,
  );

  replication = replicateRxCollection<Doc, SyncCheckpoint>({
    replicationIdentifier: replicationIdentifier(name, ctx.serverUrl, ctx.userId),
    collection: collection as never,
    live: true,
    retryTime: ctx.retryTimeMs,
    // Every tab replicates on its own; the server makes repeated pushes harmless.
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: ctx.pullBatchSize,
      stream$: ctx.stream$(name).asObservable(),
      async handler(checkpoint, batchSize) {
        let page: PullResponse<Doc>;
        try {
          page = await ahead.take(checkpoint, batchSize, () => pullPage(checkpoint, batchSize));
        } catch (error) {
          // A checkpoint from before a scope change: start over rather than stall forever.
          if (!(checkpoint && error instanceof ServerError && error.code === 'CHECKPOINT_INVALID')) throw error;
          page = await pullPage(undefined, batchSize);
        }
        ctx.pulled(name, page.documents.length, batchSize);
        // A full page means more is waiting: fetch it while RxDB stores this one.
        if (page.documents.length >= batchSize) ahead.start(page.checkpoint, batchSize, () => pullPage(page.checkpoint, batchSize));
        const local = collection as unknown as AnyCollection;
        let documents = await shieldRefused(local, page.documents, (id) => ctx.tracker.isRefused(name, id));
        if (page.contractIds) {
          // The scope changed: what is no longer visible leaves this device as server deletes do.
          ctx.scope(page.contractIds);
          documents.push(...(await outOfScopeTombstones(local, page.contractIds, (id) => ctx.tracker.isRefused(name, id))));
        }
        documents = await withServerStates(ctx, name, local, documents);
        // Not more than one page waiting to be stored (stored-page-gate.ts).
        await gate.handOut(checkpoint, page.checkpoint);
        return { documents, checkpoint: page.checkpoint };
      },
    },
    push: PULL_ONLY.includes(name)
      ? undefined
      : {
          batchSize: ctx.pushBatchSize,
          async handler(rxRows) {
            let rows = ctx.tracker.rebase(name, rxRows, idOf) as unknown as PushRow<Doc>[];
            // The server refuses a request whole and names one bad document: set it aside with its
            // reason (kept locally, listed for the person) and send the rest again.
            for (;;) {
              try {
                const conflicts = await pushRows(rows);
                const conflicted = new Set(conflicts.map(idOf));
                ctx.tracker.accepted(name, rows.map((row) => idOf(row.newDocumentState)).filter((id) => !conflicted.has(id)));
                return conflicts;
              } catch (error) {
                const refused = refusedRows(error, rows, idOf);
                if (!refused) throw error;
                for (const row of refused.rows) {
                  const docId = idOf(row.newDocumentState);
                  ctx.tracker.refuse(name, docId, row as never, {
                    collection: name,
                    docId,
                    code: refused.body.code,
                    message: refused.body.message,
                    path: refused.body.path ?? null,
                    at: Date.now(),
                  });
                }
                rows = rows.filter((row) => !refused.rows.includes(row));
                if (rows.length === 0) return [];
              }
            }
          },
        },
  });
  return replication;
}

/** The checkpoint RxDB saved after storing pulled documents (RxDB 17's replication state; a test pins it). */
export function storedCheckpoint(replication: RxReplicationState<Doc, SyncCheckpoint> | undefined): SyncCheckpoint | undefined {
  const state = replication?.internalReplicationState as { lastCheckpointDoc?: { down?: { checkpointData?: SyncCheckpoint } } } | undefined;
  return state?.lastCheckpointDoc?.down?.checkpointData;
}

/**
 * Discards waiting for this collection: their current server state (looked up after the page, so
 * never older than it) replaces whatever the page had for them; a document the server does not
 * have, or no longer shows this user, leaves as a tombstone of its local state.
 */
async function withServerStates(ctx: ReplicationContext, name: CollectionName, collection: AnyCollection, documents: WithDeleted<Doc>[]): Promise<WithDeleted<Doc>[]> {
  const requests = ctx.serverStates.take(name);
  if (requests.size === 0) return documents;
  const ids = [...requests.keys()];
  const primary = collection.schema.primaryPath;
  try {
    const response = await ctx.request(`${syncPaths.lookup(name)}?schema=${schemaVersionOf(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids }),
    });
    const found = new Map(((await response.json()) as LookupResponse<Doc>).documents.map((doc) => [String(doc[primary]), doc]));
    const local = await readLocal(collection, ids.filter((id) => !found.has(id)));
    const states = new Map<string, WithDeleted<Doc> | null>();
    for (const id of ids) {
      const own = local.get(id);
      states.set(id, found.get(id) ?? (own ? { ...own, _deleted: true } : null));
    }
    const kept = documents.filter((doc) => !states.has(String(doc[primary])));
    for (const [id, state] of states) {
      if (state) kept.push(state);
      for (const waiter of requests.get(id) ?? []) waiter.resolve(state);
    }
    return kept;
  } catch (error) {
    for (const list of requests.values()) for (const waiter of list) waiter.reject(error);
    return documents;
  }
}

/** The rows a refusal is about: the named document, or every row when the role may not write here. */
function refusedRows(error: unknown, rows: PushRow<Doc>[], idOf: (doc: unknown) => string): { rows: PushRow<Doc>[]; body: ErrorBody } | null {
  if (isDocumentRefusal(error)) {
    const named = rows.filter((row) => idOf(row.newDocumentState) === error.body.docId);
    return named.length > 0 ? { rows: named, body: error.body } : null;
  }
  if (error instanceof ServerError && error.code === 'ROLE_FORBIDDEN') return { rows, body: error.body };
  return null;
}
