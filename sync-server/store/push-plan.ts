import type { CollectionName } from '../../common/schemas/collections.js';
import type { DocError } from '../errors.js';
import { decidePush, sameState } from './doc-state.js';
import type { Author, DocState, PushBatchResult, PushWrite, RowGuard, StoredDoc } from './store.js';

/**
 * What a write transaction decides, apart from how a store executes it: both stores read the
 * batch's stored documents in one query, plan every row here, then write the planned rows in as
 * few statements as they can. Sequences are numbered from the counter the transaction holds.
 */
export interface PlannedWrite {
  readonly doc: StoredDoc;
  /** The JSON text stored in `body` (serialised once for the document row and its revision). */
  readonly bodyText: string;
}

export type PushPlan = { readonly ok: true; readonly conflicts: StoredDoc[]; readonly writes: PlannedWrite[] } | { readonly ok: false; readonly error: DocError };

function planned(collection: CollectionName, state: DocState, seq: number, author: Author, serverTime: string): PlannedWrite {
  const doc: StoredDoc = {
    collection,
    id: state.body.id,
    contractId: state.body.contractId,
    seq,
    body: state.body,
    deleted: state.deleted,
    updatedBy: author.userId,
    deviceId: author.deviceId,
    serverTime,
  };
  return { doc, bodyText: JSON.stringify(state.body) };
}

/**
 * The conflict rule and the guard for every row, in order. A second row for the same document
 * sees the first one's write as the stored state, exactly as if each row had read the database.
 */
export function planPush(
  collection: CollectionName,
  rows: readonly PushWrite[],
  stored: Map<string, StoredDoc>,
  guard: RowGuard,
  counter: number,
  author: Author,
  serverTime: string,
): PushPlan {
  const conflicts: StoredDoc[] = [];
  const writes: PlannedWrite[] = [];
  let seq = counter;
  for (const row of rows) {
    const current = stored.get(row.next.body.id);
    const error = guard(row, current);
    if (error) return { ok: false, error };
    const decision = decidePush(current, row);
    if (decision === 'conflict' && current) conflicts.push(current);
    if (decision === 'insert' || decision === 'write') {
      const write = planned(collection, row.next, ++seq, author, serverTime);
      writes.push(write);
      stored.set(write.doc.id, write.doc);
    }
  }
  return { ok: true, conflicts, writes };
}

/** Documents the server writes itself (seed, staff directory): unchanged ones are skipped. */
export function planServerDocs(
  collection: CollectionName,
  docs: readonly DocState[],
  stored: Map<string, StoredDoc>,
  counter: number,
  author: Author,
  serverTime: string,
): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  let seq = counter;
  for (const doc of docs) {
    const current = stored.get(doc.body.id);
    if (current && sameState(current, doc)) continue;
    const write = planned(collection, doc, ++seq, author, serverTime);
    writes.push(write);
    stored.set(write.doc.id, write.doc);
  }
  return writes;
}

/** The push answer for a plan that went through. */
export function pushResult(plan: Extract<PushPlan, { ok: true }>): PushBatchResult {
  return { ok: true, conflicts: plan.conflicts, written: plan.writes.map(({ doc }) => ({ id: doc.id, contractId: doc.contractId, seq: doc.seq })) };
}

/** The last planned write per document: one statement may not update the same row twice. */
export function lastWritePerDocument(writes: readonly PlannedWrite[]): PlannedWrite[] {
  const byId = new Map<string, PlannedWrite>();
  for (const write of writes) byId.set(write.doc.id, write);
  return [...byId.values()];
}

/** The counter after a plan: the highest sequence it used. */
export function counterAfter(counter: number, writes: readonly PlannedWrite[]): number {
  return writes.at(-1)?.doc.seq ?? counter;
}
