import type { CollectionName } from '../../common/schemas/index.js';
import { schemaVersionOf, syncPaths, type PushRow, type WithDeleted } from '../../common/sync/protocol.js';
import type { DeskDatabase } from '../db/database.js';
import { discardRefused, type DiscardDeps } from './discard.js';
import { isDocumentRefusal } from './http-errors.js';
import { readLocal, type Doc } from './pull-shaping.js';

export interface ResendDeps extends DiscardDeps {
  /** Authorised request through the engine (reports errors, throws on non-2xx). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

type Outcome = 'accepted' | 'merged' | 'refused' | 'kept';

/**
 * Sends a refused change again, based on what the server had when the person made it (not on
 * what RxDB assumed after the refusal): used when the contract it belongs to is given back.
 * - accepted: done, the server now has the local state (which RxDB already takes for the server's);
 * - refused again: the entry stays, with the new reason;
 * - the server's state moved meanwhile: it is written locally as the server's (like a discard),
 *   then the three-way merge of the person's change onto it is written as a local change that
 *   RxDB pushes normally; overruled values become conflict records, as in every merge.
 */
export async function resendRefused(deps: ResendDeps, name: CollectionName, docId: string): Promise<Outcome> {
  const entry = deps.tracker.refusedEntry(name, docId);
  const collection = deps.db[name] as unknown as Parameters<typeof readLocal>[0];
  const local = (await readLocal(collection, [docId])).get(docId);
  if (!entry || !local || !deps.connected(name)) return 'kept';
  const row: PushRow<Doc> = { assumedMasterState: (entry.assumedMasterState as WithDeleted<Doc> | null) ?? null, newDocumentState: local };
  let conflicts: WithDeleted<Doc>[];
  try {
    const response = await deps.request(`${syncPaths.push(name)}?schema=${schemaVersionOf(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([row]),
    });
    conflicts = (await response.json()) as WithDeleted<Doc>[];
  } catch (error) {
    if (!isDocumentRefusal(error)) return 'kept';
    deps.tracker.refuse(name, docId, row as never, {
      collection: name,
      docId,
      code: error.body.code,
      message: error.body.message,
      path: error.body.path ?? null,
      at: Date.now(),
    });
    return 'refused';
  }
  if (conflicts.length === 0) {
    deps.tracker.accepted(name, [docId]);
    return 'accepted';
  }
  await discardRefused(deps, name, docId);
  const server = (await readLocal(collection, [docId])).get(docId);
  if (!server || server['_deleted'] === true) return 'kept';
  const merged = await mergeOnto(deps.db, name, entry.assumedMasterState as WithDeleted<Doc> | null, server, local);
  if (merged['_deleted'] === true) return 'kept';
  const doc = await deps.db[name].findOne(docId).exec();
  const { _deleted: _ignored, ...body } = merged;
  await doc?.incrementalModify(() => body as never);
  return 'merged';
}

async function mergeOnto(db: DeskDatabase, name: CollectionName, base: WithDeleted<Doc> | null, server: WithDeleted<Doc>, local: WithDeleted<Doc>): Promise<WithDeleted<Doc>> {
  const handler = db[name].conflictHandler as unknown as {
    resolve(input: { assumedMasterState?: WithDeleted<Doc>; realMasterState: WithDeleted<Doc>; newDocumentState: WithDeleted<Doc> }, context: string): Promise<WithDeleted<Doc>>;
  };
  return handler.resolve({ ...(base ? { assumedMasterState: base } : {}), realMasterState: server, newDocumentState: local }, 'resend-refused');
}
