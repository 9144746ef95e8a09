/**
 * Which index range(s) answer a query in its sort order, so a page of 50 reads about 50 index
 * entries instead of the whole range.
 *
 * Why this exists: RxDB 17's query planner marks every query with a `desc` sort as "not satisfied
 * by the index" (`query-planner.ts`: "most storages do not support descending indexes"), and the
 * Dexie storage then walks the *whole* index range forwards and sorts it in JS before applying the
 * limit. Over 50k tickets the app's first screen (`updatedAt` newest first, 50 rows) read every
 * ticket: 14–46 s in `npm run bench` (B4/B5) against ~80 ms for a raw cursor. IndexedDB walks an
 * index backwards just as fast (`openCursor(range, 'prev')`), and an `$in` on a leading index field
 * can be read as one ordered range per value and merged. This module only plans; the storage
 * wrapper in `ordered-dexie-storage.ts` runs the plan.
 */

/** A field fixed by the selector: one value (`$eq`) or a few (`$in`, read as one range each). */
type Fixed = { readonly field: string; readonly values: readonly IndexValue[] };
export type IndexValue = string | number | boolean;

export interface OrderedReadPlan {
  /** The schema index read (RxDB's form: `_deleted` first, the primary key last). */
  readonly index: readonly string[];
  /** One key prefix per range; each range is `[prefix, prefix + [[]])`, read in `direction`. */
  readonly prefixes: readonly (readonly IndexValue[])[];
  readonly direction: 'next' | 'prev';
  /**
   * The sort fields the index order follows after the prefix (fields fixed by `$eq` dropped).
   * Rows arrive ordered by these; equal values are completed and put in final order by the
   * query's own comparator (which also orders by the primary key).
   */
  readonly orderedBy: readonly string[];
  /** Rows arrive in sort order (so a limited query can stop early); otherwise whole ranges are read and sorted. */
  readonly inOrder: boolean;
  /** Every selector condition is one of the prefix values: the ranges need no further matching (count). */
  readonly coveredBySelector: boolean;
}

/** The shape of a normalised RxDB query this planner needs (selector with `$eq`/`$in` objects). */
export interface PlannableQuery {
  readonly selector: Readonly<Record<string, unknown>>;
  readonly sort: readonly Readonly<Record<string, 'asc' | 'desc'>>[];
  readonly index?: unknown;
}

/** At most this many ranges per query (the product of the `$in` sizes). */
export const MAX_RANGES = 32;

function isIndexValue(value: unknown, boolean: boolean): value is IndexValue {
  if (boolean) return typeof value === 'boolean';
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Top-level selector fields fixed to one value or a short list, per field. */
function fixedFields(selector: PlannableQuery['selector'], booleanFields: ReadonlySet<string>): Map<string, Fixed> {
  const fixed = new Map<string, Fixed>();
  for (const [field, condition] of Object.entries(selector)) {
    if (field.startsWith('$') || condition === null || typeof condition !== 'object' || Array.isArray(condition)) continue;
    const operators = Object.keys(condition);
    if (operators.length !== 1) continue;
    const boolean = booleanFields.has(field);
    const { $eq, $in } = condition as { $eq?: unknown; $in?: unknown };
    if (operators[0] === '$eq' && isIndexValue($eq, boolean)) fixed.set(field, { field, values: [$eq] });
    else if (operators[0] === '$in' && Array.isArray($in) && $in.length > 0) {
      const values = [...new Set($in as unknown[])];
      // Mixed types would be ordered differently by IndexedDB and by RxDB: leave those to RxDB.
      if (values.every((value) => isIndexValue(value, boolean)) && new Set(values.map((value) => typeof value)).size === 1) {
        fixed.set(field, { field, values: values });
      }
    }
  }
  return fixed;
}

function cartesian(lists: readonly (readonly IndexValue[])[]): IndexValue[][] {
  return lists.reduce<IndexValue[][]>((acc, values) => acc.flatMap((prefix) => values.map((value) => [...prefix, value])), [[]]);
}

interface Candidate {
  readonly index: readonly string[];
  readonly fixedPrefix: readonly Fixed[];
  readonly sortFollows: boolean;
  readonly ranges: number;
}

/**
 * Plans an ordered read, or returns null when no index helps. `primaryKey` is the collection's
 * primary key; `booleanFields` the indexed boolean fields (stored as '1'/'0' by the Dexie storage,
 * converted by the caller). `limited`: the query has a limit, so only a read in sort order pays.
 */
export function planOrderedRead(
  indexes: readonly (readonly string[])[],
  query: PlannableQuery,
  primaryKey: string,
  booleanFields: ReadonlySet<string>,
  options: { readonly limited: boolean },
): OrderedReadPlan | null {
  if (query.index !== undefined) return null;
  const fixed = fixedFields(query.selector, booleanFields);
  const sort = query.sort.map((part) => {
    const [field, direction] = Object.entries(part)[0] ?? ['', 'asc'];
    return { field, direction };
  });
  // The primary key at the end only breaks ties; the comparator applies it to completed ties.
  const withoutKey = sort.at(-1)?.field === primaryKey ? sort.slice(0, -1) : sort;
  // Fields fixed to one value do not change the order of the result.
  const ordering = withoutKey.filter((part) => (fixed.get(part.field)?.values.length ?? 0) !== 1);
  const directions = new Set(ordering.map((part) => part.direction));
  const orderedBy = ordering.map((part) => part.field);

  const candidates: Candidate[] = [];
  for (const index of indexes) {
    const fixedPrefix: Fixed[] = [];
    for (const field of index) {
      const entry = fixed.get(field);
      if (!entry) break;
      fixedPrefix.push(entry);
    }
    if (fixedPrefix.length === 0) continue;
    const rest = index.slice(fixedPrefix.length);
    const sortFollows = orderedBy.length > 0 && directions.size === 1 && orderedBy.every((field, i) => rest[i] === field);
    const ranges = fixedPrefix.reduce((product, entry) => product * entry.values.length, 1);
    if (ranges > MAX_RANGES) continue;
    candidates.push({ index, fixedPrefix, sortFollows, ranges });
  }
  // A page (limit) is cheap when the index yields rows in sort order: that comes first. Then the
  // longest fixed prefix (fewest rows read), then the sort order, then the fewest ranges.
  candidates.sort(
    (a, b) =>
      (options.limited ? Number(b.sortFollows) - Number(a.sortFollows) : 0) ||
      b.fixedPrefix.length - a.fixedPrefix.length ||
      Number(b.sortFollows) - Number(a.sortFollows) ||
      a.ranges - b.ranges,
  );
  const best = candidates[0];
  if (!best) return null;
  const coveredFields = new Set(best.fixedPrefix.map((entry) => entry.field));
  const coveredBySelector = Object.keys(query.selector).every((field) => coveredFields.has(field));
  return {
    index: best.index,
    prefixes: cartesian(best.fixedPrefix.map((entry) => entry.values)),
    direction: best.sortFollows && directions.has('desc') ? 'prev' : 'next',
    orderedBy: best.sortFollows ? orderedBy : [],
    inOrder: best.sortFollows,
    coveredBySelector,
  };
}

/** What RxDB's own planner chose (`PreparedQuery.queryPlan`), as far as the choice below needs it. */
export interface RxdbPlan {
  readonly startKeys: readonly unknown[];
  readonly endKeys: readonly unknown[];
  readonly sortSatisfiedByIndex: boolean;
}

/**
 * Whether RxDB's plan bounds an index position at or after `from` by a range (`$gt`, `$lt`, the
 * span of an `$in`): a selective range on another index can beat reading in order and filtering.
 */
function rangeBeyond(plan: RxdbPlan, from: number, min: unknown, max: unknown): boolean {
  for (let i = from; i < plan.startKeys.length; i++) {
    const start = plan.startKeys[i];
    const end = plan.endKeys[i];
    const open = (start === min || start === max) && (end === max || end === min);
    if (!open && start !== end) return true;
  }
  return false;
}

/**
 * The ordered read to use instead of RxDB's plan, or null to keep RxDB's: when its sort already
 * follows an index (it stops at the limit by itself), when it bounds a range past the fields this
 * plan fixes, or when this plan neither reads in order nor splits an `$in` (then it reads the same
 * rows). `min`/`max` are RxDB's `INDEX_MIN`/`INDEX_MAX` markers.
 */
export function chooseOrderedRead(
  plan: OrderedReadPlan | null,
  rxdb: RxdbPlan,
  limited: boolean,
  markers: { readonly min: unknown; readonly max: unknown },
): OrderedReadPlan | null {
  if (!plan || rxdb.sortSatisfiedByIndex) return null;
  if (rangeBeyond(rxdb, plan.prefixes[0]?.length ?? 0, markers.min, markers.max)) return null;
  if (!(limited && plan.inOrder) && plan.prefixes.length < 2) return null;
  return plan;
}
