import { sameDocumentState } from '../../common/sync/merge/deep-equal.js';
import { INTERNAL_FIELDS } from '../../common/validation/validate.js';
import type { DocBody, DocState, PushWrite } from './store.js';

/** Splits what a client sent into the stored body (RxDB internals removed) and the tombstone flag. */
export function toDocState(raw: Readonly<Record<string, unknown>>): DocState {
  const body: Record<string, unknown> = { ...raw };
  for (const field of INTERNAL_FIELDS) delete body[field];
  return { body: body as DocBody, deleted: raw['_deleted'] === true };
}

/** What goes over the wire: the body exactly as stored, with `_deleted` put back. */
export function toWire(state: DocState): Record<string, unknown> {
  return { ...state.body, _deleted: state.deleted };
}

export function sameState(a: DocState, b: DocState): boolean {
  return sameDocumentState(toWire(a), toWire(b));
}

export type PushDecision = 'insert' | 'write' | 'noop' | 'conflict';

/**
 * RxDB's conflict rule, plus idempotence: a row whose new state already is the stored state is a
 * no-op, so a retried push (its reply was lost) neither conflicts nor bumps the sequence.
 */
export function decidePush(stored: DocState | undefined, row: PushWrite): PushDecision {
  if (!stored) return 'insert';
  if (sameState(stored, row.next)) return 'noop';
  if (!row.assumed) return 'conflict';
  return sameState(stored, row.assumed) ? 'write' : 'conflict';
}
