import { canonicalJson } from './deep-equal.js';

/**
 * Three-way merge of a set held as an array with unique items.
 *
 * With a known base, every element-level change of either side is honoured:
 * - an element added on either side is kept;
 * - an element removed on either side is removed (the other side merely kept it; keeping is
 *   not an edit, so there is nothing to overrule);
 * - removed on one side and added back on the other cannot happen for base elements (the other
 *   side still had it), and for new elements an addition always wins.
 * So with a base the union never overrules anything.
 *
 * Without a base we cannot tell "local removed x" from "server added x", so the result is the
 * plain union and the caller records the local array as possibly overruled when the server had
 * elements the local side lacks.
 *
 * Order: the server's order first, then the local side's new elements in local order, so every
 * replica computes the same array.
 */
export function unionMerge(base: readonly unknown[] | null, local: readonly unknown[], server: readonly unknown[]): unknown[] {
  const key = canonicalJson;
  const localKeys = new Set(local.map(key));
  const baseKeys = base === null ? null : new Set(base.map(key));
  const seen = new Set<string>();
  const result: unknown[] = [];
  const keep = (item: unknown, k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    result.push(item);
  };
  for (const item of server) {
    const k = key(item);
    // A base element missing locally was removed locally: honour that removal.
    if (baseKeys !== null && baseKeys.has(k) && !localKeys.has(k)) continue;
    keep(item, k);
  }
  const serverKeys = new Set(server.map(key));
  for (const item of local) {
    const k = key(item);
    // A base element missing on the server was removed there: honour that removal.
    if (baseKeys !== null && baseKeys.has(k) && !serverKeys.has(k)) continue;
    keep(item, k);
  }
  return result;
}

/** Elements of `from` that are missing in `to` (by value). */
export function missingFrom(from: readonly unknown[], to: readonly unknown[]): unknown[] {
  const toKeys = new Set(to.map(canonicalJson));
  return from.filter((item) => !toKeys.has(canonicalJson(item)));
}
