import { createHash } from 'node:crypto';
import { COLLECTION_NAMES, type CollectionName } from '../../../common/schemas/collections.js';
import { canonicalJson, sameDocumentState } from '../../../common/sync/merge/deep-equal.js';
import { ALL_DEMO_CONTRACT_IDS } from '../../../sync-server/demo/accounts.js';
import { toWire } from '../../../sync-server/store/doc-state.js';
import type { Store } from '../../../sync-server/store/store.js';

type Doc = Record<string, unknown> & { id: string };

/** Every document of a collection in the given contracts, tombstones included, straight from the store. */
export async function storedDocs(store: Store, collection: CollectionName, contractIds: readonly string[] = ALL_DEMO_CONTRACT_IDS): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let since = 0; ; ) {
    const page = await store.pull(collection, contractIds, since, 1000);
    out.push(...page.map((doc) => toWire(doc) as Doc));
    if (page.length < 1000) return out;
    since = page.at(-1)?.seq ?? since;
  }
}

/** `collection/id` → wire state, for every collection (tombstones included). */
export async function storedMap(store: Store, contractIds: readonly string[] = ALL_DEMO_CONTRACT_IDS): Promise<Map<string, Doc>> {
  const map = new Map<string, Doc>();
  for (const collection of COLLECTION_NAMES) {
    for (const doc of await storedDocs(store, collection, contractIds)) map.set(`${collection}/${doc.id}`, doc);
  }
  return map;
}

/** A fingerprint of every stored document and the sequence counter: equal before and after = nothing written. */
export async function storeFingerprint(store: Store, contractIds: readonly string[] = ALL_DEMO_CONTRACT_IDS): Promise<{ maxSeq: number; hash: string; docs: number }> {
  const hash = createHash('sha256');
  let docs = 0;
  for (const collection of COLLECTION_NAMES) {
    for (const doc of await storedDocs(store, collection, contractIds)) {
      hash.update(`${collection}\u0000${canonicalJson(doc)}\u0000`);
      docs++;
    }
  }
  return { maxSeq: await store.maxSeq(), hash: hash.digest('hex'), docs };
}

/** Acknowledged states missing from the document's revision history (each one a lost write). */
export async function missingFromHistory(store: Store, acknowledged: readonly { collection: string; state: Record<string, unknown> }[]): Promise<number> {
  let missing = 0;
  const cache = new Map<string, Doc[]>();
  for (const { collection, state } of acknowledged) {
    const key = `${collection}/${String(state['id'])}`;
    let revisions = cache.get(key);
    if (!revisions) {
      revisions = (await store.listRevisions(collection as CollectionName, String(state['id']))).map((revision) => toWire(revision) as Doc);
      cache.set(key, revisions);
    }
    if (!revisions.some((revision) => sameDocumentState(revision, state))) missing++;
  }
  return missing;
}

/** Revisions equal to the one before them: a write applied twice (a retry must be a no-op). */
export async function doubleRevisions(store: Store, collection: CollectionName, ids: readonly string[]): Promise<number> {
  let doubles = 0;
  for (const id of ids) {
    const revisions = await store.listRevisions(collection, id);
    for (let i = 1; i < revisions.length; i++) {
      const [previous, current] = [revisions[i - 1], revisions[i]];
      if (previous && current && sameDocumentState(toWire(previous), toWire(current))) doubles++;
    }
  }
  return doubles;
}

/**
 * How a replica differs from what the server lets its user see: documents missing, extra, or with
 * another value in any field. Tombstones are absent on the replica (RxDB hides deleted documents).
 */
export function differences(replica: readonly Doc[], server: readonly Doc[]): string[] {
  const live = new Map(server.filter((doc) => doc['_deleted'] !== true).map((doc) => [doc.id, doc]));
  const out: string[] = [];
  for (const doc of replica) {
    const expected = live.get(doc.id);
    if (!expected) out.push(`${doc.id}: on the replica, not live on the server`);
    else if (!sameDocumentState(doc, expected)) out.push(`${doc.id}: differs (${fieldDiff(doc, expected).join(', ')})`);
    live.delete(doc.id);
  }
  for (const id of live.keys()) out.push(`${id}: live on the server, missing on the replica`);
  return out;
}

function fieldDiff(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !['_meta', '_rev', '_attachments'].includes(key)));
  return [...keys].filter((key) => canonicalJson(a[key] ?? (key === '_deleted' ? false : null)) !== canonicalJson(b[key] ?? (key === '_deleted' ? false : null)));
}
