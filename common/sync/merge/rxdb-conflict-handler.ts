import type { CollectionName } from '../../schemas/collections.js';
import type { DocumentOf } from '../../schemas/document-types.js';
import type { WithDeleted } from '../protocol.js';
import { buildConflictRecords, type ConflictRecord } from './conflict-record.js';
import { isBookkeepingKey, sameDocumentState } from './deep-equal.js';
import { isMergeable, type MergeableCollection } from './field-rules.js';
import { mergeThreeWay } from './three-way.js';

/**
 * The shape of RxDB 17's `RxConflictHandler<T>` and `RxConflictHandlerInput<T>`
 * (rxdb/dist/types/types/conflict-handling.d.ts), written out because common/ must not import
 * rxdb. RxDB calls `resolve` when a push comes back as a conflict, writes the result to the local
 * collection and pushes it again with `realMasterState` as the new assumed master.
 */
export interface ConflictHandlerInput<T> {
  assumedMasterState?: WithDeleted<T>;
  realMasterState: WithDeleted<T>;
  newDocumentState: WithDeleted<T>;
}

export interface ConflictHandler<T> {
  /** Must stay synchronous: RxDB calls it for every document it compares. */
  isEqual: (a: WithDeleted<T>, b: WithDeleted<T>, context: string) => boolean;
  resolve: (input: ConflictHandlerInput<T>, context: string) => Promise<WithDeleted<T>>;
}

export interface MergeHandlerOptions {
  readonly deviceId: string;
  /** Read at merge time: the signed-in user can change while the replication keeps running. */
  readonly authorId: () => string;
  /** Device time as an ISO instant, for `mergedAt`. Injected so the merge stays deterministic. */
  readonly now: () => string;
  /**
   * Stores the records (upsert by id). Awaited BEFORE the merged state is handed back: if it
   * throws, RxDB keeps the local state and retries later, and the deterministic ids make the
   * retry write the same records, so an overruled value is never overwritten unrecorded.
   */
  readonly onOverruled: (records: readonly ConflictRecord[]) => void | Promise<void>;
}

function withoutBookkeeping<T>(doc: WithDeleted<T>): WithDeleted<T> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!isBookkeepingKey(key)) copy[key] = value;
  return copy as WithDeleted<T>;
}

/**
 * The conflict handler for one collection: the three-way field merge for state documents; for
 * `staff` (server-written) and `events` (immutable, a clash is refused by the server) the
 * server's state is the truth and nothing can be lost.
 */
export function createMergeConflictHandler<C extends CollectionName>(
  collection: C,
  options: MergeHandlerOptions,
): ConflictHandler<DocumentOf<C>> {
  return {
    // The same equality the server uses for `assumedMasterState`; anything looser or stricter
    // turns round trips into false conflicts or misses real ones.
    isEqual: (a, b) => sameDocumentState(a, b),
    async resolve(input) {
      if (!isMergeable(collection)) return withoutBookkeeping(input.realMasterState);
      // `isMergeable` narrows the value, not the type parameter: one cast to the merge's types.
      const merged = await mergeAndRecord(collection, input as unknown as ConflictHandlerInput<StateDocument>, options);
      return merged as unknown as WithDeleted<DocumentOf<C>>;
    },
  };
}

type StateDocument = DocumentOf<MergeableCollection>;

async function mergeAndRecord(
  collection: MergeableCollection,
  input: ConflictHandlerInput<StateDocument>,
  options: MergeHandlerOptions,
): Promise<WithDeleted<StateDocument>> {
  const base = input.assumedMasterState ?? null;
  const { merged, overruled } = mergeThreeWay(collection, base, input.newDocumentState, input.realMasterState);
  if (overruled.length === 0) return merged;
  const context = {
    collection,
    documentId: merged.id,
    contractId: merged.contractId,
    localAuthorId: options.authorId(),
    deviceId: options.deviceId,
    mergedAt: options.now(),
  };
  await options.onOverruled(buildConflictRecords(context, overruled));
  return merged;
}
