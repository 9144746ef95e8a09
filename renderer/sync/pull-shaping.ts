import type { RxCollection } from 'rxdb';
import { isBookkeepingKey } from '../../common/sync/merge/deep-equal.js';
import type { WithDeleted } from '../../common/sync/protocol.js';

/**
 * What the pull handler hands RxDB besides the server's page. Everything here goes through
 * RxDB's downstream (as if the server had sent it), so it is written locally **and recorded as
 * the server's state**: it is never pushed back. That is the one way to change local documents
 * without replicating the change (a `remove()` would go up as a delete).
 *
 * RxDB's downstream never overwrites a document with unsent local changes (its fork differs from
 * the assumed server state); such a document is pushed, and the server's answer decides.
 */

export type Doc = Record<string, unknown>;
type AnyCollection = RxCollection<Doc>;

/** A stored document as replication state: the body plus `_deleted`, RxDB bookkeeping removed. */
export function toReplicationState(stored: Doc): WithDeleted<Doc> {
  const state: Doc = {};
  for (const [key, value] of Object.entries(stored)) if (!isBookkeepingKey(key) && key !== '_deleted') state[key] = value;
  return { ...state, _deleted: stored['_deleted'] === true };
}

export async function readLocal(collection: AnyCollection, ids: readonly string[]): Promise<Map<string, WithDeleted<Doc>>> {
  const primary = collection.schema.primaryPath;
  const found = ids.length === 0 ? [] : await collection.storageInstance.findDocumentsById([...ids], true);
  return new Map(found.map((doc) => [String((doc as Doc)[primary]), toReplicationState(doc as Doc)]));
}

/**
 * The local documents of contracts outside `contractIds`, as tombstones: after a scope change
 * they leave the replica exactly like server deletions do. `keep` (refused documents, still the
 * person's to fix or discard) are left alone; documents with unsent changes RxDB skips itself.
 */
export async function outOfScopeTombstones(collection: AnyCollection, contractIds: readonly string[], keep: (id: string) => boolean): Promise<WithDeleted<Doc>[]> {
  const primary = collection.schema.primaryPath;
  const outside = await collection.find({ selector: { contractId: { $nin: [...contractIds] } } }).exec();
  return outside
    .map((doc) => doc.toMutableJSON(false))
    .filter((doc) => !keep(String(doc[primary])))
    .map((doc) => ({ ...doc, _deleted: true }));
}

/**
 * A refused document keeps the person's local change until they fix or discard it: the server's
 * newer state (a scope change re-pulls everything) is replaced by the local state, which RxDB
 * sees as "already equal" and leaves alone. The page keeps its length, so RxDB's "short page
 * means caught up" rule still holds.
 */
export async function shieldRefused(collection: AnyCollection, documents: readonly WithDeleted<Doc>[], isRefused: (id: string) => boolean): Promise<WithDeleted<Doc>[]> {
  const primary = collection.schema.primaryPath;
  const refused = documents.map((doc) => String(doc[primary])).filter(isRefused);
  if (refused.length === 0) return [...documents];
  const local = await readLocal(collection, refused);
  return documents.map((doc) => local.get(String(doc[primary])) ?? doc);
}
