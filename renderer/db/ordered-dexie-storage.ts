import {
  INDEX_MAX,
  INDEX_MIN,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  type PreparedQuery,
  type RxDocumentData,
  type RxStorage,
  type RxStorageCountResult,
  type RxStorageInstance,
  type RxStorageQueryResult,
} from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage, getRxStorageDexie, type RxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { chooseOrderedRead, planOrderedRead, type IndexValue, type OrderedReadPlan } from './ordered-read-plan.js';

/**
 * RxDB's Dexie storage with queries read in index order: a sorted page (`desc` included) reads
 * about one page of index entries, and an `$in` on a leading index field reads one range per value
 * instead of everything between the smallest and the largest value. Everything else (writes,
 * replication, change streams, queries RxDB already reads in order) is the Dexie storage itself.
 * See `ordered-read-plan.ts` for why and when.
 */
type Doc = Record<string, unknown>;
type Internals = Awaited<RxStorageDexie extends { createStorageInstance: (...args: never[]) => Promise<infer I> } ? I : never>['internals'];
type State = Awaited<Internals>;

/** The key range class Dexie was given (fake-indexeddb in Node tests), else the browser's. */
function keyRanges(state: State): typeof IDBKeyRange {
  return (state.dexieDb as unknown as { _options: { IDBKeyRange?: typeof IDBKeyRange } })._options.IDBKeyRange ?? IDBKeyRange;
}

/** Dexie's name of a compound index (`[_deleted+status+updatedAt+id]`). */
function dexieIndexName(fields: readonly string[]): string {
  const names = fields.map((field) => dexieReplaceIfStartsWithPipe(field));
  return names.length === 1 ? (names[0] ?? '') : `[${names.join('+')}]`;
}

/** Index values as the Dexie storage stores them: indexed booleans are '1'/'0'. */
function storedKey(prefix: readonly IndexValue[], index: readonly string[], booleans: ReadonlySet<string>): IDBValidKey[] {
  return prefix.map((value, i) => (booleans.has(index[i] ?? '') ? (value ? '1' : '0') : value)) as IDBValidKey[];
}

/** The values of the ordering fields, to tell where a run of equal sort values ends. */
function orderKey(doc: Doc, fields: readonly string[]): string {
  return JSON.stringify(fields.map((field) => field.split('.').reduce<unknown>((value, part) => (value as Doc | undefined)?.[part], doc)));
}

/**
 * Reads one range in index order: matching rows until `wanted` are collected and the run of rows
 * with the same sort values as the last one is complete (the comparator orders within it later).
 */
function readRange(
  index: IDBIndex,
  range: IDBKeyRange,
  plan: OrderedReadPlan,
  state: State,
  matches: (doc: RxDocumentData<Doc>) => boolean,
  wanted: number,
): Promise<RxDocumentData<Doc>[]> {
  const rows: RxDocumentData<Doc>[] = [];
  let lastKey: string | null = null;
  return new Promise((resolve, reject) => {
    const request = index.openCursor(range, plan.direction);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(rows);
      const doc = fromDexieToStorage<Doc>(state.booleanIndexes, cursor.value);
      if (rows.length >= wanted) {
        if (orderKey(doc, plan.orderedBy) !== lastKey) return resolve(rows);
      }
      if (matches(doc)) {
        rows.push(doc);
        if (rows.length === wanted) lastKey = orderKey(doc, plan.orderedBy);
      }
      cursor.continue();
    };
  });
}

async function runOrderedQuery(state: State, plan: OrderedReadPlan, prepared: PreparedQuery<Doc>, schema: Parameters<typeof getQueryMatcher>[0]): Promise<RxDocumentData<Doc>[]> {
  const { query } = prepared;
  const skip = query.skip ?? 0;
  const end = typeof query.limit === 'number' ? skip + query.limit : Infinity;
  // Only rows that arrive in sort order let a range stop early; otherwise each range is read whole.
  const wanted = plan.inOrder ? end : Infinity;
  const matches = plan.coveredBySelector ? () => true : getQueryMatcher(schema, query);
  const booleans = new Set(state.booleanIndexes);
  const lists: RxDocumentData<Doc>[][] = [];
  const ranges = keyRanges(state);
  await state.dexieDb.transaction('r', state.dexieTable, async (dexieTx) => {
    const tx = (dexieTx as unknown as { idbtrans: IDBTransaction }).idbtrans;
    const index = tx.objectStore(DEXIE_DOCS_TABLE_NAME).index(dexieIndexName(plan.index));
    const reads = plan.prefixes.map((prefix) => {
      const lower = storedKey(prefix, plan.index, booleans);
      // [] sorts after every string, number and date: the upper end of everything under this prefix.
      return readRange(index, ranges.bound(lower, [...lower, []]), plan, state, matches, wanted);
    });
    lists.push(...(await Promise.all(reads)));
  });
  const rows = lists.length === 1 ? (lists[0] ?? []) : lists.flat();
  rows.sort(getSortComparator(schema, query));
  return rows.slice(skip, end);
}

async function countRanges(state: State, plan: OrderedReadPlan): Promise<number> {
  const booleans = new Set(state.booleanIndexes);
  const ranges = keyRanges(state);
  let total = 0;
  await state.dexieDb.transaction('r', state.dexieTable, async (dexieTx) => {
    const tx = (dexieTx as unknown as { idbtrans: IDBTransaction }).idbtrans;
    const index = tx.objectStore(DEXIE_DOCS_TABLE_NAME).index(dexieIndexName(plan.index));
    const counts = plan.prefixes.map((prefix) => {
      const lower = storedKey(prefix, plan.index, booleans);
      const request = index.count(ranges.bound(lower, [...lower, []]));
      return new Promise<number>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB count failed'));
      });
    });
    total = (await Promise.all(counts)).reduce((sum, count) => sum + count, 0);
  });
  return total;
}

function indexesOf(instance: { readonly schema: AnyInstance['schema'] }): string[][] {
  return (instance.schema.indexes ?? []).map((index) => (Array.isArray(index) ? index : [index]) as string[]);
}

/** The plan for one prepared query on this instance, or null to let the Dexie storage answer. */
export function orderedPlanFor(instance: { readonly schema: AnyInstance['schema'] }, prepared: PreparedQuery<Doc>, booleanIndexes: readonly string[]): OrderedReadPlan | null {
  const { schema } = instance;
  const limited = typeof prepared.query.limit === 'number';
  const plan = planOrderedRead(indexesOf(instance), prepared.query, getPrimaryFieldOfPrimaryKey(schema.primaryKey), new Set(booleanIndexes), { limited });
  return chooseOrderedRead(plan, prepared.queryPlan, limited, { min: INDEX_MIN, max: INDEX_MAX });
}

// The instance's document type is the caller's; the wrapper only reads it as plain objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyInstance = RxStorageInstance<any, any, any>;

function withOrderedQueries(instance: AnyInstance): AnyInstance {
  const query = instance.query.bind(instance);
  const count = instance.count.bind(instance);
  const internals = instance.internals as Internals;
  instance.query = async (prepared: PreparedQuery<Doc>): Promise<RxStorageQueryResult<Doc>> => {
    const state = await internals;
    const plan = orderedPlanFor(instance, prepared, state.booleanIndexes);
    if (!plan) return query(prepared);
    return { documents: await runOrderedQuery(state, plan, prepared, instance.schema as never) };
  };
  instance.count = async (prepared: PreparedQuery<Doc>): Promise<RxStorageCountResult> => {
    if (prepared.queryPlan.selectorSatisfiedByIndex) return count(prepared);
    const state = await internals;
    const plan = planOrderedRead(indexesOf(instance), prepared.query, getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey), new Set(state.booleanIndexes), {
      limited: false,
    });
    if (plan?.coveredBySelector) return { count: await countRanges(state, plan), mode: 'fast' };
    // RxDB reads everything between the smallest and the largest `$in` value; one range per value reads less.
    if (plan && plan.prefixes.length > 1) return { count: (await runOrderedQuery(state, plan, prepared, instance.schema as never)).length, mode: 'slow' };
    return count(prepared);
  };
  return instance;
}

/** `getRxStorageDexie()` whose instances read sorted pages and `$in` selectors in index order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getOrderedDexieStorage(settings?: Parameters<typeof getRxStorageDexie>[0]): RxStorage<any, any> {
  const dexie = getRxStorageDexie(settings);
  return {
    name: dexie.name,
    rxdbVersion: dexie.rxdbVersion,
    async createStorageInstance(params) {
      return withOrderedQueries(await dexie.createStorageInstance(params));
    },
  };
}
