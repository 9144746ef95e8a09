import { useEffect, useMemo, useState } from 'react';
import type { RxCollection, RxQuery } from 'rxdb';
import type { Observable } from 'rxjs';

type Plain = { toMutableJSON: () => unknown };
// The hooks accept any collection/query: their document type is the caller's `T`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = RxQuery<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCollection = RxCollection<any>;

const EMPTY: never[] = [];

function toPlain<T>(result: unknown): T[] {
  if (result === null || result === undefined) return [];
  if (Array.isArray(result)) return (result as Plain[]).map((doc) => doc.toMutableJSON() as T);
  if (result instanceof Map) return Array.from(result.values() as Iterable<Plain>, (doc) => doc.toMutableJSON() as T);
  if (typeof result === 'object' && 'toMutableJSON' in result) return [(result as Plain).toMutableJSON() as T];
  // `.count()` queries emit a number; it comes back as the only element.
  if (typeof result === 'number') return [result as T];
  return [];
}

/**
 * Live query results as plain JSON (never RxDocuments), so components can't mutate documents by
 * accident and React sees new arrays on every change. `factory` returning null means "no query yet".
 * While a new query loads, the previous results stay on screen (no flicker when a filter changes).
 */
export function useRxQuery<T>(factory: () => AnyQuery | null, deps: unknown[]): { docs: T[]; loading: boolean } {
  // The caller's deps decide when the query changes, like useMemo itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const query = useMemo(factory, deps);
  const [result, setResult] = useState<{ query: AnyQuery; docs: T[] } | null>(null);
  useEffect(() => {
    if (!query) return undefined;
    const subscription = (query.$ as Observable<unknown>).subscribe((value) => setResult({ query, docs: toPlain<T>(value) }));
    return () => subscription.unsubscribe();
  }, [query]);
  if (!query) return { docs: EMPTY, loading: false };
  if (!result) return { docs: EMPTY, loading: true };
  return { docs: result.docs, loading: result.query !== query };
}

/** One document by primary key as plain JSON; `doc` is null while loading and when it doesn't exist. */
export function useRxDocument<T>(collection: AnyCollection | null | undefined, id: string | null | undefined): { doc: T | null; loading: boolean } {
  const { docs, loading } = useRxQuery<T>(() => (collection && id ? collection.findOne(id) : null), [collection, id]);
  const primaryPath = collection?.schema.primaryPath;
  const doc = docs[0] as Record<string, unknown> | undefined;
  // Ignore the previous id's document while the new one loads.
  if (!doc || !primaryPath || doc[primaryPath] !== id) return { doc: null, loading };
  return { doc: doc as T, loading };
}
