import { unwrapJson, type ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import { deepEqual } from '../../../common/sync/merge/deep-equal.js';
import { valueOf, type Edit } from './workload.js';

type Doc = Readonly<Record<string, unknown>>;

export interface LedgerResult {
  /** Edits whose value is in the final state. */
  readonly present: number;
  /** Edits a later edit replaced knowingly (its author saw this value). */
  readonly superseded: number;
  /** Edits whose value a conflict record keeps for a supervisor. */
  readonly recorded: number;
  /** Edits that are nowhere: the invariant "conflicts lose nothing" is broken. */
  readonly lost: readonly Edit[];
}

function overruledValue(record: ConflictRecord): unknown {
  return unwrapJson(record.overruledSide === 'local' ? record.localValue : record.serverValue);
}

function has(list: unknown, element: unknown): boolean {
  return Array.isArray(list) && list.some((item) => deepEqual(item, element));
}

/**
 * Accounts for every edit against the final server state and the conflict records:
 * - `set`: the final value equals it; or a later edit of the same key was made by someone who saw
 *   exactly this value (a person changing what they see is not a sync loss); or a conflict record
 *   for that key holds it as the overruled value;
 * - `add`/`remove` of a set element: the final set has (lacks) it; or a later edit removed (added)
 *   it; or a conflict record for that set holds an overruled set that has (lacks) it.
 * Anything else is lost.
 */
export function accountEdits(edits: readonly Edit[], finalDocs: ReadonlyMap<string, Doc>, records: readonly ConflictRecord[]): LedgerResult {
  let present = 0;
  let superseded = 0;
  let recorded = 0;
  const lost: Edit[] = [];
  const recordsOf = (edit: Edit) => records.filter((record) => record.documentId === edit.docId && record.field === edit.key);
  for (const edit of edits) {
    const final = finalDocs.get(`${edit.collection}/${edit.docId}`);
    const later = edits.filter((other) => other.order > edit.order && other.docId === edit.docId && other.key === edit.key);
    if (edit.op === 'set') {
      if (final && deepEqual(valueOf(final, edit.key), edit.value)) present++;
      else if (later.some((other) => other.op === 'set' && deepEqual(other.before, edit.value))) superseded++;
      else if (recordsOf(edit).some((record) => deepEqual(overruledValue(record), edit.value))) recorded++;
      else lost.push(edit);
      continue;
    }
    const wantIn = edit.op === 'add';
    if (final && has(final[edit.key], edit.value) === wantIn) present++;
    else if (later.some((other) => other.op === (wantIn ? 'remove' : 'add') && deepEqual(other.value, edit.value))) superseded++;
    else if (recordsOf(edit).some((record) => has(overruledValue(record), edit.value) === wantIn)) recorded++;
    else lost.push(edit);
  }
  return { present, superseded, recorded, lost };
}
