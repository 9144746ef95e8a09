import type { CollectionName } from '../../../common/schemas/collections.js';
import { canonicalJson } from '../../../common/sync/merge/deep-equal.js';
import { toWire } from '../../../sync-server/store/doc-state.js';
import type { Store } from '../../../sync-server/store/store.js';
import { storedDocs } from './server-state.js';

type Doc = Record<string, unknown>;

/** A document's accepted revisions, oldest first, as wire states. */
export async function historyOf(store: Store, collection: CollectionName, id: string): Promise<Doc[]> {
  return (await store.listRevisions(collection, id)).map((revision) => toWire(revision));
}

/** The documents of one scripted seed, conflict records included (their ids are deterministic). */
export async function seedDocuments(store: Store, ids: { tickets: readonly string[]; assets: readonly string[]; events: readonly string[] }) {
  const subjects = new Set([...ids.tickets, ...ids.assets]);
  const conflicts = (await storedDocs(store, 'conflicts')).filter((doc) => subjects.has(String(doc['documentId']))).map((doc) => doc.id);
  return [
    ...ids.tickets.map((id) => ({ collection: 'tickets' as const, id })),
    ...ids.assets.map((id) => ({ collection: 'assets' as const, id })),
    ...ids.events.map((id) => ({ collection: 'events' as const, id })),
    ...conflicts.map((id) => ({ collection: 'conflicts' as const, id })),
  ];
}

function text(doc: Doc | undefined, ignore: ReadonlySet<string>): string {
  if (!doc) return 'absent';
  const copy: Doc = {};
  for (const [key, value] of Object.entries(doc)) if (!ignore.has(key)) copy[key] = value;
  return canonicalJson(copy);
}

/**
 * Differences between two servers' outcome of the same script: every document's revision history
 * (and so its final state) must match state for state; `ignore` drops fields allowed to differ.
 */
export async function compareOutcome(
  actual: Store,
  expected: Store,
  docs: readonly { collection: CollectionName; id: string }[],
  ignore: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const problems: string[] = [];
  for (const { collection, id } of docs) {
    const [got, want] = [await historyOf(actual, collection, id), await historyOf(expected, collection, id)];
    if (got.length !== want.length) {
      problems.push(`${collection}/${id}: ${got.length} revisions, a clean run has ${want.length}`);
      continue;
    }
    for (let i = 0; i < got.length; i++) {
      if (text(got[i], ignore) !== text(want[i], ignore)) {
        problems.push(`${collection}/${id}: revision ${i + 1} differs: ${text(got[i], ignore).slice(0, 300)} vs ${text(want[i], ignore).slice(0, 300)}`);
        break;
      }
    }
  }
  return problems;
}

/**
 * A document's history as content: time fields dropped and consecutive equal states collapsed
 * (a revision that only moved a timestamp is bookkeeping, not a decision).
 */
export async function contentHistory(store: Store, collection: CollectionName, id: string, ignore: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  for (const state of await historyOf(store, collection, id)) {
    const line = text(state, ignore);
    if (out.at(-1) !== line) out.push(line);
  }
  return out;
}

/** Differences between two runs' content histories (see `contentHistory`). */
export async function compareContent(
  actual: Store,
  expected: Store,
  docs: readonly { collection: CollectionName; id: string }[],
  ignore: ReadonlySet<string>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { collection, id } of docs) {
    const [got, want] = [await contentHistory(actual, collection, id, ignore), await contentHistory(expected, collection, id, ignore)];
    if (got.length !== want.length) problems.push(`${collection}/${id}: ${got.length} content states, the run without skew has ${want.length}`);
    else {
      const index = got.findIndex((line, i) => line !== want[i]);
      if (index >= 0) problems.push(`${collection}/${id}: content state ${index + 1} differs: ${got[index]?.slice(0, 300)} vs ${want[index]?.slice(0, 300)}`);
    }
  }
  return problems;
}
