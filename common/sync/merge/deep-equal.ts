/**
 * Equality and canonical text of JSON values, shared by the client's conflict handler and the
 * server's `assumedMasterState` check. Both must agree exactly, or every write after a round trip
 * looks like a conflict; hence one implementation, key-order independent (the server's JSON column
 * and the client's IndexedDB do not promise to keep key order).
 */

/** RxDB bookkeeping that travels with documents but is not replicated state. */
const BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

function definedKeys(value: Record<string, unknown>): string[] {
  // JSON has no `undefined`: a key holding it is the same as an absent key after a round trip.
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** Structural equality of JSON values: object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = definedKeys(left);
  if (leftKeys.length !== definedKeys(right).length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]));
}

/**
 * Equality of two replicated document states: every body field plus `_deleted` (absent counts as
 * false), RxDB bookkeeping ignored.
 */
export function sameDocumentState(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (Boolean(left['_deleted']) !== Boolean(right['_deleted'])) return false;
  const body = (doc: Record<string, unknown>) =>
    definedKeys(doc).filter((key) => key !== '_deleted' && !BOOKKEEPING.has(key));
  const leftKeys = body(left);
  if (leftKeys.length !== body(right).length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]));
}

/** Whether a key is RxDB bookkeeping rather than document state. */
export function isBookkeepingKey(key: string): boolean {
  return BOOKKEEPING.has(key);
}

/**
 * JSON text with object keys sorted, so equal values (by `deepEqual`) give equal text. Used to
 * hash values into deterministic ids.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts = definedKeys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${parts.join(',')}}`;
}
