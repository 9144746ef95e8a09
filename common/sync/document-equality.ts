/**
 * Equality of two replicated document states as the sync protocol defines it: every body field
 * plus `_deleted`, independent of key order; RxDB's bookkeeping (`_meta`, `_rev`, `_attachments`)
 * is ignored. The server's push conflict check and the client's conflict handler must agree on
 * this, or every write after a round trip looks like a conflict.
 */
const IGNORED = new Set(['_meta', '_rev', '_attachments']);

export function sameDocumentState(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (Boolean(left['_deleted']) !== Boolean(right['_deleted'])) return false;
  const keys = (doc: Record<string, unknown>) =>
    Object.keys(doc).filter((key) => key !== '_deleted' && !IGNORED.has(key) && doc[key] !== undefined);
  const leftKeys = keys(left);
  const rightKeys = keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]));
}

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]));
}
