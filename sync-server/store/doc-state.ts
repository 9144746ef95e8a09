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

/** Same client-visible state (`sameDocumentState` of the wire forms, without copying the bodies). */
/**
 * The wire JSON of a stored body text: the body's own text with `_deleted` added, the same JSON
 * `toWire` gives (stored bodies never carry `_deleted`: `toDocState` strips it).
 */
export function wireJson(bodyText: string, deleted: boolean): string {
  if (bodyText.length < 3 || !bodyText.startsWith('{') || !bodyText.endsWith('}')) {
    return JSON.stringify(toWire({ body: JSON.parse(bodyText) as DocState['body'], deleted }));
  }
  return `${bodyText.slice(0, -1)},"_deleted":${deleted ? 'true' : 'false'}}`;
}

export function sameState(a: DocState, b: DocState): boolean {
  return a.deleted === b.deleted && sameDocumentState(a.body, b.body);
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
